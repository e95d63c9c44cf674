import type { ResourceStatus } from "../api/types";

const TONE: Record<ResourceStatus, string> = {
  online: "text-ok border-ok/40 bg-ok/10",
  warning: "text-warn border-warn/40 bg-warn/10",
  offline: "text-bad border-bad/40 bg-bad/10",
  unknown: "text-idle border-idle/40 bg-idle/10",
};

export function StatusBadge(props: { status: ResourceStatus; label?: string }) {
  return (
    <span
      data-testid="status"
      class={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${TONE[props.status]}`}
    >
      {props.label ?? props.status}
    </span>
  );
}
