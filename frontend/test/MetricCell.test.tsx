import { render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { MetricCell } from "../src/components/MetricCell";

describe("MetricCell", () => {
  it("shows a dash and no bar when the value is unknown", () => {
    const { getByTestId, container } = render(() => <MetricCell testId="cpu" percent={null} />);
    expect(getByTestId("cpu").textContent).toBe("—");
    expect(container.querySelector(".h-1\\.5")).toBeNull();
  });

  it("shows the percentage with a bar when known", () => {
    const { getByTestId, container } = render(() => <MetricCell testId="cpu" percent={42.25} detail="2 GiB / 4 GiB" />);
    expect(getByTestId("cpu").textContent).toBe("42.3%");
    expect(container.textContent).toContain("2 GiB / 4 GiB");
  });
});
