import { describe, expect, it } from "vitest";
import type { Resource } from "../src/api/types";
import { applyDelta, indexById } from "../src/realtime/applyDelta";
import { resource } from "./fixtures";

function vm(id: string, cpu: number | null): Resource {
  return resource(id, "vm", "online", cpu);
}

describe("applyDelta", () => {
  const start = { resources: indexById([vm("a", 1), vm("b", 2)]), version: 5 };

  it("upserts and removes by id and takes the delta's version", () => {
    const next = applyDelta(start, { upserts: [vm("a", 9), vm("c", 3)], removed: ["b"], version: 6 });
    expect(Object.keys(next.resources).sort()).toEqual(["a", "c"]);
    expect(next.resources["a"]?.metrics.cpu?.percent).toBe(9);
    expect(next.version).toBe(6);
  });

  it("ignores a delta that is not newer than the state", () => {
    const next = applyDelta(start, { upserts: [vm("a", 9)], removed: ["b"], version: 5 });
    expect(next).toBe(start);
  });

  it("does not mutate the state it was given", () => {
    applyDelta(start, { upserts: [], removed: ["a"], version: 7 });
    expect(start.resources["a"]).toBeDefined();
  });
});
