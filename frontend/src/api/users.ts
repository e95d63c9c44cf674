// Accounts and roles.
import { request } from "./client";

export interface Account {
  id: string; username: string; roles: string[]; source: string; hasPassword: boolean;
  createdAt: string; lastLoginAt: string | null; disabled: boolean;
}
export interface RoleInfo { name: string; description: string; allow: string[]; deny: string[]; builtIn: boolean }

const json = { "Content-Type": "application/json" };

export const listUsers = () => request<{ users: Account[] }>("/api/security/users").then((r) => r.users);
export const createUser = (username: string, password: string, roles: string[]) =>
  request<Account>("/api/security/users", { method: "POST", headers: json, body: JSON.stringify({ username, password, roles }) });
export const updateUser = (id: string, change: { roles?: string[]; disabled?: boolean; password?: string }) =>
  request<Account>(`/api/security/users/${encodeURIComponent(id)}`, { method: "PUT", headers: json, body: JSON.stringify(change) });
export const deleteUser = (id: string) => request<void>(`/api/security/users/${encodeURIComponent(id)}`, { method: "DELETE" });
export const listRoles = () => request<{ roles: RoleInfo[]; scopes: string[] }>("/api/security/roles");
export const saveRole = (name: string, description: string, allow: string[], deny: string[]) =>
  request<RoleInfo>(`/api/security/roles/${encodeURIComponent(name)}`,
    { method: "PUT", headers: json, body: JSON.stringify({ description, allow, deny }) });
export const deleteRole = (name: string) => request<void>(`/api/security/roles/${encodeURIComponent(name)}`, { method: "DELETE" });
