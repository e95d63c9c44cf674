import { For, Show, createContext, createResource, createSignal, useContext, type ParentProps } from "solid-js";
import X from "lucide-solid/icons/x";
import ChartLine from "lucide-solid/icons/chart-line";
import { RANGES, fetchResourceMetrics, type HistoryRange } from "../api/history";
import { CHARTED } from "../format/unit";
import { HistoryChart } from "./HistoryChart";

interface Target {
  id: string;
  name: string;
}

const DrawerContext = createContext<(target: Target) => void>();

/** Lets any page open the history drawer for a resource; renders the drawer itself. */
export function HistoryDrawerProvider(props: ParentProps) {
  const [target, setTarget] = createSignal<Target | null>(null);
  return (
    <DrawerContext.Provider value={setTarget}>
      {props.children}
      <Show when={target()}>
        <HistoryDrawer target={target()!} onClose={() => setTarget(null)} />
      </Show>
    </DrawerContext.Provider>
  );
}

/** A small button that opens the history drawer for a resource. */
export function HistoryButton(props: { id: string; name: string }) {
  const open = useContext(DrawerContext);
  return (
    <button type="button" class="rounded p-1 text-muted hover:bg-sunken hover:text-fg" title={`History of ${props.name}`}
      aria-label={`History of ${props.name}`} data-testid="history-button"
      onClick={(e) => { e.stopPropagation(); open?.({ id: props.id, name: props.name }); }}>
      <ChartLine size={14} />
    </button>
  );
}

function HistoryDrawer(props: { target: Target; onClose: () => void }) {
  const [range, setRange] = createSignal<HistoryRange>("1h");
  const [metrics] = createResource(() => props.target.id, fetchResourceMetrics);
  const charted = () => {
    const have = new Set((metrics.latest?.metrics ?? []).map((m) => m.name));
    return CHARTED.filter((m) => have.has(m));
  };
  return (
    <aside class="fixed inset-y-0 right-0 z-30 w-full max-w-2xl overflow-y-auto border-l border-line bg-raised p-5 shadow-xl"
      data-testid="history-drawer" role="dialog" aria-label={`History of ${props.target.name}`}>
      <div class="mb-4 flex items-center gap-3">
        <h2 class="text-lg font-semibold">{props.target.name}</h2>
        <div class="ml-auto flex gap-1" role="group" aria-label="Range">
          <For each={RANGES}>
            {(r) => (
              <button type="button" data-testid={`range-${r}`} aria-pressed={range() === r}
                class={`rounded px-2 py-1 text-xs ${range() === r ? "bg-accent text-white" : "bg-sunken hover:text-fg"}`}
                onClick={() => setRange(r)}>{r}</button>
            )}
          </For>
        </div>
        <button type="button" class="rounded p-1 hover:bg-sunken" aria-label="Close" data-testid="history-close" onClick={props.onClose}>
          <X size={18} />
        </button>
      </div>
      <Show when={metrics.error}>
        <p class="text-sm text-bad">{String(metrics.error)}</p>
      </Show>
      <Show when={metrics.latest && charted().length === 0}>
        <p class="text-sm text-muted" data-testid="history-none">No history yet: Pulse records figures from the first time it sees them.</p>
      </Show>
      <div class="space-y-5">
        <For each={charted()}>{(m) => <HistoryChart resourceId={props.target.id} metric={m} range={range()} />}</For>
      </div>
    </aside>
  );
}
