package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * Facts of a ZFS pool.
 *
 * @param health {@code ONLINE}, {@code DEGRADED}, {@code FAULTED}, {@code OFFLINE}, {@code UNAVAIL}, {@code REMOVED} or {@code SUSPENDED}
 * @param fragmentationPercent free-space fragmentation, 0–100
 * @param readErrors read errors summed over the pool's devices, {@code null} when not read
 */
public record ZfsPoolFacet(
    String node,
    String health,
    @Nullable Integer fragmentationPercent,
    @Nullable Double dedupRatio,
    @Nullable Long readErrors,
    @Nullable Long writeErrors,
    @Nullable Long checksumErrors) {}
