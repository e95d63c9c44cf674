// Signing in and out, and what the signed-in person (or token) may do.
import { request, setCsrfToken } from "../api/client";

export interface Me {
  name: string; kind: "token" | "session" | "proxy"; roles: string[]; scopes: string[];
  /** local, oidc:<provider>, saml:<provider> or proxy; null for a token */
  source: string | null;
}
export interface AuthStatus { setupRequired: boolean; user: Me | null; csrfToken?: string }

const json = { "Content-Type": "application/json" };

export async function fetchStatus(): Promise<AuthStatus> {
  const status = await request<AuthStatus>("/api/security/status");
  setCsrfToken(status.csrfToken ?? null);
  return status;
}

export async function login(username: string, password: string, remember: boolean): Promise<void> {
  const r = await request<{ csrfToken: string }>("/api/security/login",
    { method: "POST", headers: json, body: JSON.stringify({ username, password, remember }) });
  setCsrfToken(r.csrfToken);
}

export async function setup(bootstrapToken: string, username: string, password: string): Promise<void> {
  const r = await request<{ csrfToken: string }>("/api/security/setup",
    { method: "POST", headers: json, body: JSON.stringify({ bootstrapToken, username, password }) });
  setCsrfToken(r.csrfToken);
}

export async function logout(): Promise<void> {
  await request<void>("/api/security/logout", { method: "POST" });
  setCsrfToken(null);
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>("/api/security/password", { method: "POST", headers: json, body: JSON.stringify({ currentPassword, newPassword }) });

/** Whether these scopes allow {@code needed}: "*" allows all, write allows read, execute allows chat. */
export function allows(scopes: readonly string[], needed: string): boolean {
  if (scopes.includes("*") || scopes.includes(needed)) return true;
  const [area, level = ""] = needed.split(":");
  const higher = ({ read: "write", chat: "execute" } as Record<string, string | undefined>)[level];
  return higher !== undefined && scopes.includes(`${area}:${higher}`);
}
