import { describe, expect, it } from "vitest";
import { formatGroupRoles, parseGroupRoles } from "../src/api/sso";
import { allows } from "../src/auth/session";

describe("group to role mappings as text", () => {
  it("reads pairs and skips what is not one", () => {
    expect(parseGroupRoles(" pulse-admins = admin, staff=viewer, broken, =x ")).toEqual({ "pulse-admins": "admin", staff: "viewer" });
  });

  it("writes back what it reads", () => {
    expect(formatGroupRoles(parseGroupRoles("a=admin, b=viewer"))).toBe("a=admin, b=viewer");
  });
});

describe("what scopes allow", () => {
  it("lets write cover read and * cover all, but not read cover write", () => {
    expect(allows(["settings:write"], "settings:read")).toBe(true);
    expect(allows(["settings:read"], "settings:write")).toBe(false);
    expect(allows(["*"], "audit:read")).toBe(true);
    expect(allows(["ai:execute"], "ai:chat")).toBe(true);
    expect(allows(["agent:report"], "docker:report")).toBe(false);
  });
});
