import { describe, expect, it } from "vitest";
import type { Resource, ResourceStatus, ResourceType } from "../src/api/types";
import { DEFAULT_FILTER, selectWorkloads } from "../src/stores/workloadView";
import { resource } from "./fixtures";

function guest(name: string, type: ResourceType, status: ResourceStatus, cpu: number | null, tags: string[] = []): Resource {
  return resource(name, type, status, cpu, tags);
}

const all = [
  guest("web01", "vm", "online", 12),
  guest("db01", "system-container", "online", 40, ["prod"]),
  guest("old", "vm", "offline", null),
  guest("pve1", "agent", "online", 5),
];

describe("selectWorkloads", () => {
  it("keeps only guests", () => {
    expect(selectWorkloads(all, DEFAULT_FILTER).map((r) => r.name)).toEqual(["db01", "old", "web01"]);
  });

  it("filters by text over name and tags, by type and by status", () => {
    expect(selectWorkloads(all, { ...DEFAULT_FILTER, text: "PROD" }).map((r) => r.name)).toEqual(["db01"]);
    expect(selectWorkloads(all, { ...DEFAULT_FILTER, type: "vm" }).map((r) => r.name)).toEqual(["old", "web01"]);
    expect(selectWorkloads(all, { ...DEFAULT_FILTER, status: "offline" }).map((r) => r.name)).toEqual(["old"]);
  });

  it("sorts unknown figures last in both directions", () => {
    expect(selectWorkloads(all, { ...DEFAULT_FILTER, sort: "cpu" }).map((r) => r.name)).toEqual(["web01", "db01", "old"]);
    expect(selectWorkloads(all, { ...DEFAULT_FILTER, sort: "cpu", descending: true }).map((r) => r.name)).toEqual([
      "db01", "web01", "old",
    ]);
  });
});
