import { describe, expect, it } from "vitest";
import { formatBytes } from "../src/format/bytes";
import { formatUptime } from "../src/format/duration";
import { formatPercent } from "../src/format/percent";

describe("formatting", () => {
  it("shows unknown as a dash, never as zero", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(formatBytes(null)).toBe("—");
    expect(formatUptime(null)).toBe("—");
  });

  it("keeps a real zero as zero", () => {
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatBytes(0)).toBe("0 B");
  });

  it("uses binary units for bytes", () => {
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
  });

  it("formats uptime in days and hours", () => {
    expect(formatUptime(864000 + 3 * 3600)).toBe("10d 3h");
    expect(formatUptime(125)).toBe("2m");
  });
});
