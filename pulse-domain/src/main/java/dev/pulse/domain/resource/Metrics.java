package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * The live figures of a resource. Each is {@code null} when unknown: a monitor shows "unknown"
 * rather than a made-up 0.
 *
 * @param cpu CPU use as a percentage of the resource's CPUs
 * @param memory memory in bytes
 * @param disk disk or filesystem use in bytes
 * @param swap swap in bytes
 * @param netIn bytes received per second
 * @param netOut bytes sent per second
 * @param diskRead bytes read per second
 * @param diskWrite bytes written per second
 */
public record Metrics(
    @Nullable CpuMetric cpu,
    @Nullable UsageMetric memory,
    @Nullable UsageMetric disk,
    @Nullable UsageMetric swap,
    @Nullable RateMetric netIn,
    @Nullable RateMetric netOut,
    @Nullable RateMetric diskRead,
    @Nullable RateMetric diskWrite) {

  public static final Metrics UNKNOWN = new Metrics(null, null, null, null, null, null, null, null);

  /** CPU, memory and disk; the rest unknown. */
  public static Metrics of(@Nullable CpuMetric cpu, @Nullable UsageMetric memory, @Nullable UsageMetric disk) {
    return new Metrics(cpu, memory, disk, null, null, null, null, null);
  }

  public Metrics withSwap(@Nullable UsageMetric newSwap) {
    return new Metrics(cpu, memory, disk, newSwap, netIn, netOut, diskRead, diskWrite);
  }

  public Metrics withDisk(@Nullable UsageMetric newDisk) {
    return new Metrics(cpu, memory, newDisk, swap, netIn, netOut, diskRead, diskWrite);
  }

  public Metrics withIo(@Nullable RateMetric in, @Nullable RateMetric out, @Nullable RateMetric read, @Nullable RateMetric write) {
    return new Metrics(cpu, memory, disk, swap, in, out, read, write);
  }
}
