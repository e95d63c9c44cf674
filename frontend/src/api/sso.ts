// Single sign-on providers.
import { request } from "./client";

export interface SsoProviderInfo {
  id: string; name: string; type: "oidc" | "saml"; enabled: boolean; settings: Record<string, string>;
  secrets: Record<string, "set">; groupRoles: Record<string, string>; defaultRole: string | null; callbackPath: string;
}
export interface SsoInput {
  name: string; type: "oidc" | "saml"; enabled: boolean; settings: Record<string, string>; secrets?: Record<string, string>;
  groupRoles: Record<string, string>; defaultRole: string | null;
}

const json = { "Content-Type": "application/json" };

/** The providers offered on the sign-in page: no credentials needed. */
export const signInProviders = () =>
  request<{ providers: { id: string; name: string; type: string }[] }>("/api/security/sso/providers").then((r) => r.providers);
export const listSso = () => request<{ providers: SsoProviderInfo[] }>("/api/security/sso").then((r) => r.providers);
export const saveSso = (id: string, p: SsoInput) =>
  request<SsoProviderInfo>(`/api/security/sso/${encodeURIComponent(id)}`, { method: "PUT", headers: json, body: JSON.stringify(p) });
export const deleteSso = (id: string) => request<void>(`/api/security/sso/${encodeURIComponent(id)}`, { method: "DELETE" });
export const testSso = (id: string) =>
  request<{ ok: boolean; error: string | null; issuer?: string; pkce?: boolean }>(`/api/security/sso/${encodeURIComponent(id)}/test`,
    { method: "POST" });

/** "pulse-admins=admin, staff=viewer" ⇄ a map. */
export function parseGroupRoles(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [group, role] = pair.split("=").map((s) => s.trim());
    if (group && role) out[group] = role;
  }
  return out;
}

export const formatGroupRoles = (m: Record<string, string>) => Object.entries(m).map(([g, r]) => `${g}=${r}`).join(", ");
