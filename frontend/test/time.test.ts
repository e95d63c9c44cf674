import { describe, expect, it } from "vitest";
import { formatAge, formatDateTime } from "../src/format/time";

describe("time formatting", () => {
  it("shows unknown instants as a dash", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatAge(undefined)).toBe("—");
  });

  it("says how long ago in minutes, hours and days", () => {
    const now = Date.parse("2026-11-28T12:00:00Z");
    expect(formatAge("2026-11-28T11:30:00Z", now)).toBe("30m ago");
    expect(formatAge("2026-11-28T09:00:00Z", now)).toBe("3h ago");
    expect(formatAge("2026-11-25T12:00:00Z", now)).toBe("3d ago");
  });
});
