package dev.pulse.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pulse.domain.resource.AgentFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryMetricsTest {

  private static Resource host(List<AgentFacet.Smart> smart, Map<String, Double> temps) {
    AgentFacet agent = new AgentFacet("a1", "1.0", 30, null, null, null, temps, Map.of(), List.of(), List.of(), List.of(), smart);
    return new Resource("host-a1:host", ResourceType.AGENT, "web01", ResourceStatus.ONLINE, null, List.of(), Identity.EMPTY,
        Metrics.UNKNOWN, List.of(), Facets.NONE.withAgent(agent));
  }

  private static double read(String metric, Resource r) {
    return HistoryMetrics.named(metric).orElseThrow().read(r);
  }

  @Test
  void smartCountersAreSummedOverTheDisksThatReportThem() {
    Resource r = host(List.of(
        new AgentFacet.Smart("/dev/sda", null, null, true, 35.0, 1000L, null, 8L, 1L, null),
        new AgentFacet.Smart("/dev/sdb", null, null, true, 36.0, 1000L, null, 2L, null, null),
        new AgentFacet.Smart("/dev/nvme0", null, null, true, 41.0, 1000L, 3, null, null, 4L)), Map.of());
    assertEquals(10.0, read("smart_reallocated", r));
    assertEquals(1.0, read("smart_pending", r));
    assertEquals(4.0, read("smart_media_errors", r));
  }

  @Test
  void aCounterNoDiskReportsIsUnknownNotZero() {
    Resource r = host(List.of(new AgentFacet.Smart("/dev/sda", null, null, true, 35.0, 1000L, null, null, null, null)), Map.of());
    assertNull(HistoryMetrics.named("smart_reallocated").orElseThrow().read(r));
  }

  @Test
  void valuesAreRoundedToTheMetricsResolution() {
    Resource r = host(List.of(), Map.of("cpu", 54.37, "nvme", 41.04));
    assertEquals(54.4, read("temperature", r), "the hottest sensor, to 0.1 °C");
  }
}
