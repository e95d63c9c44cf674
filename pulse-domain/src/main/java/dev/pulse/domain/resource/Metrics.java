package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * The live figures of a resource. Each is {@code null} when unknown: a monitor shows "unknown"
 * rather than a made-up 0.
 */
public record Metrics(
    @Nullable CpuMetric cpu, @Nullable UsageMetric memory, @Nullable UsageMetric disk) {

  public static final Metrics UNKNOWN = new Metrics(null, null, null);
}
