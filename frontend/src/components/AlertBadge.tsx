import { Show } from "solid-js";
import Bell from "lucide-solid/icons/bell";
import type { Alert } from "../api/types";

/** A resource's firing alerts in one small mark: red when one is critical; the messages on hover. */
export function AlertBadge(props: { alerts: Alert[] }) {
  const critical = () => props.alerts.some((a) => a.level === "critical");
  return (
    <Show when={props.alerts.length > 0}>
      <span data-testid="alert-badge" data-level={critical() ? "critical" : "warning"}
        title={props.alerts.map((a) => a.message).join("\n")}
        class={`ml-1 inline-flex items-center gap-0.5 rounded px-1 text-xs ${critical() ? "bg-bad text-white" : "bg-warn text-white"}`}>
        <Bell size={11} />{props.alerts.length}
      </span>
    </Show>
  );
}
