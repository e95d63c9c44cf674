import { createContext, useContext, type ParentProps } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { stateSocketUrl } from "../api/client";
import type { Alert, Resource, ServerMessage } from "../api/types";
import { applyDelta, indexById } from "../realtime/applyDelta";
import { createStateSocket, type SocketStatus } from "../realtime/createStateSocket";

interface InventoryState {
  resources: Record<string, Resource>;
  /** The alerts in progress, by id, live from the same socket. */
  alerts: Record<string, Alert>;
  version: number;
  loaded: boolean;
}

interface Inventory {
  state: InventoryState;
  all: () => Resource[];
  alerts: () => Alert[];
  /** The firing alerts of one resource, worst first. */
  alertsOf: (resourceId: string) => Alert[];
  socketStatus: () => SocketStatus;
}

const InventoryContext = createContext<Inventory>();

/** Owns the one state WebSocket and the resources it streams. */
export function InventoryProvider(props: ParentProps) {
  const [state, setState] = createStore<InventoryState>({ resources: {}, alerts: {}, version: 0, loaded: false });

  const onMessage = (m: ServerMessage) => {
    if (m.type === "initialState") {
      setState(reconcile({ resources: indexById(m.data.resources), alerts: indexById(m.data.alerts ?? []), version: m.data.version,
        loaded: true }));
    } else if (m.type === "alert") {
      setState("alerts", m.data.alert.id, reconcile(m.data.alert));
    } else if (m.type === "alertResolved") {
      setState("alerts", produce((alerts) => { delete alerts[m.data.alert.id]; }));
    } else if (m.type === "delta") {
      const next = applyDelta({ resources: state.resources, version: state.version }, m.data);
      if (next.version !== state.version) {
        setState("resources", reconcile(next.resources));
        setState("version", next.version);
      }
    }
  };

  const socket = createStateSocket(stateSocketUrl, onMessage);
  const inventory: Inventory = {
    state,
    all: () => Object.values(state.resources),
    alerts: () => Object.values(state.alerts),
    alertsOf: (id) => Object.values(state.alerts).filter((a) => a.resourceId === id && a.state === "firing")
      .sort((a, b) => (a.level === b.level ? 0 : a.level === "critical" ? -1 : 1)),
    socketStatus: socket.status,
  };
  return <InventoryContext.Provider value={inventory}>{props.children}</InventoryContext.Provider>;
}

export function useInventory(): Inventory {
  const inventory = useContext(InventoryContext);
  if (!inventory) throw new Error("useInventory needs an InventoryProvider");
  return inventory;
}
