import { describe, expect, it } from "vitest";
import { ruleSummary } from "../src/components/AlertRules";
import { overrideSummary } from "../src/components/AlertOverrides";

describe("the alert rules in words", () => {
  it("says a threshold rule's levels and delay", () => {
    expect(ruleSummary({ trigger: 80, clear: 75 }, { trigger: 95, clear: 90 }, 300))
      .toBe("warns at 80 (clears below 75), critical at 95 (clears below 90), after 5 min");
  });

  it("says over which window a counter rule judges the rise", () => {
    expect(ruleSummary({ trigger: 3, clear: 1 }, null, 0, 300)).toBe("warns at 3 in 5 min (clears below 1), at once");
  });

  it("lists everything an override changes", () => {
    expect(overrideSummary({ monitorOnly: true, disabledRules: ["disk"], thresholds: { cpu: { warning: { trigger: 90, clear: 85 } } },
      note: "build box" })).toBe("monitor only · without disk · cpu: warns 90/85 · note: build box");
  });

  it("says nothing for an empty override", () => {
    expect(overrideSummary({})).toBe("");
  });
});
