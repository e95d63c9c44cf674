package dev.pulse.engine;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertCategory;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.alert.AlertLevel;
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

  /** A CPU warning on a VM, as the evaluator reports it at {@code at}. */
  static AlertEvent alertEvent(String resource, AlertEvent.Type type, boolean send, Instant at) {
    Alert a = new Alert("cpu@" + resource, "cpu", resource, resource, ResourceType.VM, null, AlertCategory.PERFORMANCE,
        AlertLevel.WARNING, Alert.Phase.FIRING, "CPU 91 % ≥ 80 %", 91.0, 80.0, at, at, 0, null, false, true);
    return new AlertEvent(type, a, at, send);
  }
}
