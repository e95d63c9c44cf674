// Notification channels and the delivery queue.
import { request } from "./client";

export interface Channel {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
  settings: Record<string, string>;
  /** Only which secrets are set: never their values. */
  secrets: Record<string, "set">;
  allowPrivateAddresses: boolean;
  quietHours: QuietHours | null;
  maxPerHour: number;
  groupSeconds: number;
}

export interface QuietHours { start: string; end: string; zone: string; categories?: string[]; criticalToo?: boolean }

export interface ChannelInput {
  name: string;
  type: string;
  enabled?: boolean;
  settings: Record<string, string>;
  secrets?: Record<string, string>;
  allowPrivateAddresses?: boolean;
  quietHours?: QuietHours | null;
  maxPerHour?: number;
  groupSeconds?: number;
}

export interface QueueEntry {
  id: number; channelId: string; event: string; alertId: string; subject: string; state: "pending" | "sent" | "dead";
  attempts: number; nextAttempt: string; sentAt: string | null; lastError: string | null;
}

const json = { "Content-Type": "application/json" };

export const listChannels = () => request<{ channels: Channel[] }>("/api/notifications/channels").then((r) => r.channels);
export const createChannel = (c: ChannelInput) =>
  request<Channel>("/api/notifications/channels", { method: "POST", headers: json, body: JSON.stringify(c) });
export const updateChannel = (id: string, c: ChannelInput) =>
  request<Channel>(`/api/notifications/channels/${encodeURIComponent(id)}`, { method: "PUT", headers: json, body: JSON.stringify(c) });
export const deleteChannel = (id: string) => request<void>(`/api/notifications/channels/${encodeURIComponent(id)}`, { method: "DELETE" });
export const testChannel = (id: string) =>
  request<{ ok: boolean; error: string | null }>(`/api/notifications/channels/${encodeURIComponent(id)}/test`, { method: "POST" });
export const listQueue = (state?: string) =>
  request<{ entries: QueueEntry[] }>(`/api/notifications/queue${state ? `?state=${state}` : ""}`).then((r) => r.entries);

/** What each type asks for: settings, then secrets. */
export const CHANNEL_FIELDS: Record<string, { settings: string[]; secrets: string[] }> = {
  email: { settings: ["host", "port", "security", "from", "to", "username"], secrets: ["password"] },
  discord: { settings: ["url"], secrets: ["hmacSecret"] },
  slack: { settings: ["url"], secrets: ["hmacSecret"] },
  teams: { settings: ["url"], secrets: ["hmacSecret"] },
  mattermost: { settings: ["url"], secrets: ["hmacSecret"] },
  telegram: { settings: ["chatId"], secrets: ["token"] },
  ntfy: { settings: ["url"], secrets: ["token"] },
  gotify: { settings: ["url"], secrets: ["token"] },
  pushover: { settings: [], secrets: ["token", "userKey"] },
  pagerduty: { settings: [], secrets: ["routingKey"] },
  apprise: { settings: ["url", "key", "mode"], secrets: ["urls"] },
  webhook: { settings: ["url", "template"], secrets: ["hmacSecret"] },
};
