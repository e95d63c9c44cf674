package dev.pulse.domain.alert;

import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Instant;
import java.util.List;

/** Resources for the alert tests. */
final class AlertFixtures {

  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private AlertFixtures() {}

  static Resource vm(String id, Double cpu, SourceStatus source, String... tags) {
    return new Resource(id, ResourceType.VM, id, ResourceStatus.ONLINE, "lab:node-pve1",
        List.of(new SourceRef("lab", id, source, T0, null)), Identity.EMPTY,
        Metrics.of(cpu == null ? null : new CpuMetric(cpu, 4, "test"), null, null), List.of(tags), Facets.NONE);
  }

  static Resource vm(String id, Double cpu) {
    return vm(id, cpu, SourceStatus.HEALTHY);
  }

  static Resource node(String id, ResourceStatus status) {
    return new Resource(id, ResourceType.AGENT, id, status, null, List.of(new SourceRef("lab", id, SourceStatus.HEALTHY, T0, null)),
        Identity.EMPTY, Metrics.UNKNOWN, List.of(), Facets.NONE);
  }

  static Resource disk(String id, String health) {
    return new Resource(id, ResourceType.PHYSICAL_DISK, id, ResourceStatus.ONLINE, null,
        List.of(new SourceRef("lab", id, SourceStatus.HEALTHY, T0, null)), Identity.EMPTY, Metrics.UNKNOWN, List.of(),
        Facets.NONE.withDisk(new DiskFacet("pve1", "/dev/" + id, null, null, "ssd", null, health, null, null, null, null)));
  }
}
