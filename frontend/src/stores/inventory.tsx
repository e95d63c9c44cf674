import { createContext, useContext, type ParentProps } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { stateSocketUrl } from "../api/client";
import type { Resource, ServerMessage } from "../api/types";
import { applyDelta, indexById } from "../realtime/applyDelta";
import { createStateSocket, type SocketStatus } from "../realtime/createStateSocket";

interface InventoryState {
  resources: Record<string, Resource>;
  version: number;
  loaded: boolean;
}

interface Inventory {
  state: InventoryState;
  all: () => Resource[];
  socketStatus: () => SocketStatus;
}

const InventoryContext = createContext<Inventory>();

/** Owns the one state WebSocket and the resources it streams. */
export function InventoryProvider(props: ParentProps) {
  const [state, setState] = createStore<InventoryState>({ resources: {}, version: 0, loaded: false });

  const onMessage = (m: ServerMessage) => {
    if (m.type === "initialState") {
      setState(reconcile({ resources: indexById(m.data.resources), version: m.data.version, loaded: true }));
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
    socketStatus: socket.status,
  };
  return <InventoryContext.Provider value={inventory}>{props.children}</InventoryContext.Provider>;
}

export function useInventory(): Inventory {
  const inventory = useContext(InventoryContext);
  if (!inventory) throw new Error("useInventory needs an InventoryProvider");
  return inventory;
}
