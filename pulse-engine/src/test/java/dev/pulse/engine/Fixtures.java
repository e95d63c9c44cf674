package dev.pulse.engine;

import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.Observation;
import java.time.Instant;
import java.util.List;

/** Test data for the engine's tests. */
final class Fixtures {

  private Fixtures() {}

  static ObservedResource vm(String key, String name, double cpuPercent) {
    return new ObservedResource(key, ResourceType.VM, name, ResourceStatus.ONLINE, "node-pve1", Identity.EMPTY,
        Metrics.of(new CpuMetric(cpuPercent, 2, "test"), null, null), List.of("prod"), Facets.NONE);
  }

  static Observation ok(String source, Instant at, ObservedResource... resources) {
    return new Observation(source, "test", at, CollectionResult.success(List.of(resources)));
  }

  static Observation failed(String source, Instant at, String error) {
    return new Observation(source, "test", at, CollectionResult.failure(error));
  }
}
