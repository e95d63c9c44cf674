package dev.pulse.domain.resource;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Facts of a host machine. Unknown ones are {@code null}.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages, or empty when unknown
 * @param memoryAvailableBytes memory available to new work (MemAvailable)
 * @param platformVersion for example {@code pve-manager/8.2.4/faa83925}
 * @param pendingUpdates packages with an update waiting, {@code null} when not read
 */
public record HostFacet(
    @Nullable String kernel,
    @Nullable String platformVersion,
    @Nullable String cpuModel,
    @Nullable Integer cpuSockets,
    @Nullable Integer cpuCores,
    @Nullable Integer cpuThreads,
    List<Double> loadAverage,
    @Nullable Long memoryAvailableBytes,
    @Nullable String bootMode,
    @Nullable Integer pendingUpdates) {

  public HostFacet {
    loadAverage = List.copyOf(loadAverage);
  }

  public HostFacet withPendingUpdates(@Nullable Integer count) {
    return new HostFacet(kernel, platformVersion, cpuModel, cpuSockets, cpuCores, cpuThreads, loadAverage, memoryAvailableBytes,
        bootMode, count);
  }
}
