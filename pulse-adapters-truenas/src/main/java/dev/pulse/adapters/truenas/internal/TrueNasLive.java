package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.RateMetric;
import dev.pulse.domain.resource.UsageMetric;
import org.jspecify.annotations.Nullable;

/**
 * Maps the figures TrueNAS pushes to its subscribers into metrics: {@code reporting.realtime} for
 * the system and {@code app.stats} for each app. Units: CPU in percent (0–100 of the whole box),
 * memory in bytes, network and disk figures in bytes per second. Whatever is missing or not a
 * number stays unknown. Pure. Internal: not API.
 */
final class TrueNasLive {

  private static final String SOURCE = TrueNasMapper.PLATFORM;

  private TrueNasLive() {}

  /**
   * CPU from {@code cpu.aggregated_usage} (24.10 and later) or {@code cpu.average.usage} (before);
   * memory used as total − available, the kernel's own figure (it counts the ZFS ARC as used, so
   * {@link #arcBytes} is reported beside it); network summed over the interfaces that are up, {@code
   * lo} left out; disk rates as TrueNAS sums them over all disks.
   */
  static Metrics system(@Nullable JsonNode realtime, int cores) {
    if (realtime == null) {
      return Metrics.UNKNOWN;
    }
    JsonNode cpu = realtime.path("cpu");
    Double percent = number(cpu.has("aggregated_usage") ? cpu.path("aggregated_usage") : cpu.at("/average/usage"));
    JsonNode memory = realtime.path("memory");
    Long total = whole(memory.path("physical_memory_total"));
    Long available = whole(memory.path("physical_memory_available"));
    UsageMetric used = total == null || available == null || available > total ? null : UsageMetric.of(total - available, total, SOURCE);
    double in = 0;
    double out = 0;
    boolean anyInterface = false;
    var interfaces = realtime.path("interfaces").fields();
    while (interfaces.hasNext()) {
      var entry = interfaces.next();
      JsonNode nic = entry.getValue();
      String link = nic.path("link_state").asText("LINK_STATE_UP");
      Double rx = number(nic.path("received_bytes_rate"));
      Double tx = number(nic.path("sent_bytes_rate"));
      if (entry.getKey().equals("lo") || !link.equals("LINK_STATE_UP") || rx == null || tx == null) {
        continue;
      }
      in += rx;
      out += tx;
      anyInterface = true;
    }
    JsonNode disks = realtime.path("disks");
    return new Metrics(cpuOf(percent, cores), used, null, null, anyInterface ? new RateMetric(in, SOURCE) : null,
        anyInterface ? new RateMetric(out, SOURCE) : null, rate(disks.path("read_bytes")), rate(disks.path("write_bytes")));
  }

  /** The ZFS ARC's size in bytes, or {@code null}: memory ZFS gives back when asked. */
  static @Nullable Long arcBytes(@Nullable JsonNode realtime) {
    return realtime == null ? null : whole(realtime.at("/memory/arc_size"));
  }

  /**
   * One app's entry in {@code app.stats}: {@code cpu_usage} in percent, {@code memory} in bytes (shown
   * against the box's memory, as an app has no limit of its own here), and the per-interface {@code
   * rx_bytes}/{@code tx_bytes} rates summed. Block I/O is a running total there, not a rate: left out.
   */
  static Metrics app(@Nullable JsonNode appStats, String name, @Nullable Long physmem, int cores) {
    if (appStats == null) {
      return Metrics.UNKNOWN;
    }
    for (JsonNode entry : appStats) {
      if (!name.equals(entry.path("app_name").asText())) {
        continue;
      }
      Long memory = whole(entry.path("memory"));
      double in = 0;
      double out = 0;
      boolean anyInterface = false;
      for (JsonNode nic : entry.path("networks")) {
        Double rx = number(nic.path("rx_bytes"));
        Double tx = number(nic.path("tx_bytes"));
        if (rx != null && tx != null && rx >= 0 && tx >= 0) {
          in += rx;
          out += tx;
          anyInterface = true;
        }
      }
      return new Metrics(cpuOf(number(entry.path("cpu_usage")), cores), UsageMetric.of(memory, physmem, SOURCE), null, null,
          anyInterface ? new RateMetric(in, SOURCE) : null, anyInterface ? new RateMetric(out, SOURCE) : null, null, null);
    }
    return Metrics.UNKNOWN;
  }

  private static @Nullable CpuMetric cpuOf(@Nullable Double percent, int cores) {
    return percent == null || percent < 0 ? null : new CpuMetric(Math.min(percent, 100.0), cores, SOURCE);
  }

  private static @Nullable RateMetric rate(JsonNode n) {
    Double v = number(n);
    return v == null || v < 0 ? null : new RateMetric(v, SOURCE);
  }

  private static @Nullable Double number(JsonNode n) {
    return n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  private static @Nullable Long whole(JsonNode n) {
    return n.isNumber() && n.asDouble() >= 0 ? n.asLong() : null;
  }
}
