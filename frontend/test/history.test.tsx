import { render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { Sparkline, sparklinePath } from "../src/components/Sparkline";
import { toColumns } from "../src/api/history";
import { formatUnit } from "../src/format/unit";

describe("Sparkline", () => {
  it("says there is no data yet instead of drawing a flat line at zero", () => {
    const { getByTestId } = render(() => <Sparkline testId="s" points={[]} />);
    expect(getByTestId("s").textContent).toBe("no data yet");
    expect(getByTestId("s").getAttribute("data-empty")).toBe("true");
  });

  it("draws one segment per point, scaled to the fixed maximum", () => {
    const path = sparklinePath([[0, 0], [50, 50], [100, 100]], 101, 22, 100);
    expect(path).toBe("M0.0,21.0 L50.0,11.0 L100.0,1.0");
  });

  it("keeps a value above the scale inside the box", () => {
    expect(sparklinePath([[0, 150], [10, 0]], 11, 22, 100)).toBe("M0.0,1.0 L10.0,21.0");
  });
});

describe("history values", () => {
  it("are shown in their metric's unit", () => {
    expect(formatUnit(12.345, "percent")).toBe("12%");
    expect(formatUnit(3.21, "percent")).toBe("3.2%");
    expect(formatUnit(1536 * 1024 * 1024, "bytes")).toBe("1.5 GiB");
    expect(formatUnit(2048, "bytes/s")).toBe("2.0 KiB/s");
    expect(formatUnit(41.5, "celsius")).toBe("41.5 °C");
    expect(formatUnit(null, "percent")).toBe("—");
  });

  it("become uPlot columns with times in seconds", () => {
    expect(toColumns([[1000, 1, 2, 3], [2000, 4, 5, 6]])).toEqual([[1, 2], [1, 4], [2, 5], [3, 6]]);
  });
});
