import type { JSX } from "solid-js";
import type { UsageMetric } from "../api/types";
import { formatBytes } from "../format/bytes";

export const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted";
export const td = "px-3 py-2 align-top";
export const row = "border-b border-line last:border-0";

/**
 * The framed, scrollable table every list page uses. With `bodies`, the children supply their own
 * `<tbody>` elements (see VirtualRows) and the frame scrolls vertically with a sticky header.
 */
export function DataTable(props: {
  headers: JSX.Element;
  children: JSX.Element;
  bodies?: boolean;
  scrollRef?: (el: HTMLDivElement) => void;
}) {
  return (
    <div ref={props.scrollRef} class={`overflow-x-auto rounded-lg border border-line bg-raised ${props.bodies ? "max-h-[calc(100vh-12rem)] overflow-y-auto" : ""}`}>
      <table class="w-full text-sm">
        <thead class={`border-b border-line ${props.bodies ? "sticky top-0 z-10 bg-raised" : ""}`}>
          <tr>{props.headers}</tr>
        </thead>
        {props.bodies ? props.children : <tbody>{props.children}</tbody>}
      </table>
    </div>
  );
}

/** "3.1 GiB / 8.0 GiB", or nothing when unknown. */
export function usageDetail(m: UsageMetric | null | undefined): string | undefined {
  return m ? `${formatBytes(m.used)} / ${formatBytes(m.total)}` : undefined;
}
