import { createSignal, onCleanup } from "solid-js";
import type { ServerMessage } from "../api/types";

export type SocketStatus = "connecting" | "open" | "closed";

/**
 * One reconnecting WebSocket to /ws. Hands each message to `onMessage`; reconnects with backoff
 * (1 s doubling to 30 s), and gets a fresh initialState on every reconnect.
 */
export function createStateSocket(url: () => string, onMessage: (m: ServerMessage) => void) {
  const [status, setStatus] = createSignal<SocketStatus>("connecting");
  let socket: WebSocket | undefined;
  let retry = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const connect = () => {
    setStatus("connecting");
    socket = new WebSocket(url());
    socket.onopen = () => {
      retry = 1000;
      setStatus("open");
    };
    socket.onmessage = (ev) => {
      try {
        onMessage(JSON.parse(ev.data as string) as ServerMessage);
      } catch (e) {
        console.warn("ignoring a malformed state message", e);
      }
    };
    socket.onclose = () => {
      setStatus("closed");
      if (!disposed) {
        timer = setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30_000);
      }
    };
  };

  connect();
  onCleanup(() => {
    disposed = true;
    clearTimeout(timer);
    socket?.close();
  });
  return { status };
}
