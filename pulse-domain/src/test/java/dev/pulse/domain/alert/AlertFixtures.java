package dev.pulse.domain.alert;

import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.DockerFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.PmgFacet;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

  static Resource container(String id, int restarts) {
    DockerFacet.Container c = new DockerFacet.Container(id, "nginx:1.27", "running", null, null, restarts, null, false, null,
        null, null, null, null, List.of(), Map.of());
    return new Resource(id, ResourceType.APP_CONTAINER, id, ResourceStatus.ONLINE, "docker1",
        List.of(new SourceRef("docker1", id, SourceStatus.HEALTHY, T0, null)), Identity.EMPTY, Metrics.UNKNOWN, List.of(),
        Facets.NONE.withDocker(DockerFacet.ofContainer(c)));
  }

  static Resource mailGateway(String id, Long deferred, Long hold, Long oldestDeferredMinutes) {
    PmgFacet.Queues q = new PmgFacet.Queues(3L, deferred, hold, 0L, oldestDeferredMinutes);
    return new Resource(id, ResourceType.PMG, id, ResourceStatus.ONLINE, null,
        List.of(new SourceRef("pmg", id, SourceStatus.HEALTHY, T0, null)), Identity.EMPTY, Metrics.UNKNOWN, List.of(),
        Facets.NONE.withPmg(new PmgFacet("8.2", "master", true, q, null, null)));
  }
}
