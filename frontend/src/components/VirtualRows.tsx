import { createVirtualizer } from "@tanstack/solid-virtual";
import { For, Show, type JSX } from "solid-js";

/**
 * The body of a table whose rows may number thousands. Up to `threshold` items render plainly;
 * beyond it only the items near the viewport of `scroller` are in the DOM, each in its own
 * `<tbody>` (so an item may span a row and its detail row), between two spacers.
 */
export function VirtualRows<T>(props: {
  items: T[];
  threshold: number;
  estimate: number;
  columns: number;
  scroller: () => HTMLElement | undefined;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.items.length > props.threshold} fallback={<tbody><For each={props.items}>{props.children}</For></tbody>}>
      <Windowed {...props} />
    </Show>
  );
}

function Windowed<T>(props: {
  items: T[];
  estimate: number;
  columns: number;
  scroller: () => HTMLElement | undefined;
  children: (item: T) => JSX.Element;
}) {
  const virtualizer = createVirtualizer({
    get count() {
      return props.items.length;
    },
    getScrollElement: () => props.scroller() ?? null,
    estimateSize: () => props.estimate,
    overscan: 12,
    // until the scroller is measured, assume it is as tall as the window
    initialRect: { width: 0, height: typeof window === "undefined" ? 800 : window.innerHeight },
  });
  const spacer = (height: number) => (
    <tbody aria-hidden="true"><tr style={{ height: `${height}px` }}><td colSpan={props.columns} /></tr></tbody>
  );
  const items = () => virtualizer.getVirtualItems();
  const top = () => items()[0]?.start ?? 0;
  const bottom = () => virtualizer.getTotalSize() - (items()[items().length - 1]?.end ?? 0);
  return (
    <>
      {spacer(top())}
      <For each={items()}>
        {(row) => (
          <tbody data-index={row.index} ref={(el) => queueMicrotask(() => virtualizer.measureElement(el))}>
            {props.items[row.index] !== undefined ? props.children(props.items[row.index] as T) : null}
          </tbody>
        )}
      </For>
      {spacer(bottom())}
    </>
  );
}
