package dev.pulse.domain.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UsageMetricTest {

  @Test
  void percentIsUsedOverTotal() {
    UsageMetric m = UsageMetric.of(25L, 100L, "proxmox");
    assertEquals(25.0, m.percent(), 1e-9);
    assertEquals("proxmox", m.source());
  }

  @Test
  void unknownOrZeroTotalGivesUnknownRatherThanZeroPercent() {
    assertNull(UsageMetric.of(null, 100L, "proxmox"));
    assertNull(UsageMetric.of(10L, null, "proxmox"));
    assertNull(UsageMetric.of(0L, 0L, "proxmox"));
  }

  @Test
  void cpuFractionBecomesPercent() {
    assertEquals(3.12, CpuMetric.fromFraction(0.0312, 4, "proxmox").percent(), 1e-9);
  }
}
