import { render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { VirtualRows } from "../src/components/VirtualRows";

function table(count: number) {
  const items = Array.from({ length: count }, (_, i) => `guest-${i}`);
  let scroller: HTMLDivElement | undefined;
  return render(() => (
    <div ref={scroller} style={{ height: "600px", overflow: "auto" }}>
      <table>
        <VirtualRows items={items} threshold={200} estimate={40} columns={1} scroller={() => scroller}>
          {(item) => <tr data-testid="row"><td>{item}</td></tr>}
        </VirtualRows>
      </table>
    </div>
  ));
}

describe("VirtualRows", () => {
  it("renders every row of a small list", () => {
    expect(table(50).getAllByTestId("row")).toHaveLength(50);
  });

  it("renders only a window of 5,000 rows, with spacers standing in for the rest", () => {
    const { queryAllByTestId, container } = table(5000);
    const rendered = queryAllByTestId("row").length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    const spacerHeights = [...container.querySelectorAll("tbody[aria-hidden] tr")].map((tr) => parseFloat((tr as HTMLElement).style.height));
    expect(spacerHeights.reduce((a, b) => a + b, 0)).toBeGreaterThan(150_000);
  });
});
