// The only module that talks HTTP to the server.
import { readToken } from "../auth/token";

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
  }
}

let csrf: string | null = null;

/** The signed-in session's CSRF token, sent with every change; {@code null} when signed out. */
export function setCsrfToken(token: string | null): void {
  csrf = token;
}

function headers(method: string): Record<string, string> {
  const token = readToken();
  const h: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (csrf && method !== "GET" && method !== "HEAD") h["X-CSRF-Token"] = csrf;
  return h;
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? "GET").toUpperCase();
  const res = await fetch(path, { ...init, headers: { ...headers(method), ...(init.headers ?? {}) } });
  if (!res.ok) {
    let detail = res.statusText;
    let field: string | undefined;
    try {
      const problem = await res.json();
      detail = problem.detail ?? detail;
      field = problem.field;
    } catch {
      /* not problem+json */
    }
    throw new ApiError(res.status, detail, field);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Whether the API accepts us as we are (a token, a session, or demo mode). */
export async function checkAccess(): Promise<"ok" | "unauthorized"> {
  try {
    await request("/api/resources?limit=0");
    return "ok";
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return "unauthorized";
    throw e;
  }
}

export function fetchVersion(): Promise<{ version: string }> {
  return request("/api/version");
}

/** The WebSocket URL, with the token as a query parameter since browsers cannot set headers. */
export function stateSocketUrl(): string {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const token = readToken();
  return `${proto}//${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ""}`;
}
