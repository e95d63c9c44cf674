package dev.pulse.domain.history;

import dev.pulse.domain.resource.AgentFacet;
import dev.pulse.domain.resource.PmgFacet;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.UsageMetric;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What history records for every resource that has it: one line per metric. Hosts, nodes, guests,
 * containers and pods have CPU, memory, disk, network and disk I/O; storage (PVE storage, PBS
 * datastores, TrueNAS pools and datasets) has its used, total and usage; physical disks their
 * temperature and wear; agent hosts their disks' SMART counters; PMG nodes their queues and mail
 * counts.
 */
public final class HistoryMetrics {

  public static final List<HistoryMetric> ALL = List.of(
      metric("cpu", "percent", 2, r -> r.metrics().cpu() == null ? null : r.metrics().cpu().percent()),
      metric("memory", "percent", 2, r -> percent(r.metrics().memory())),
      metric("memory_used", "bytes", 0, r -> used(r.metrics().memory())),
      metric("memory_total", "bytes", 0, r -> r.metrics().memory() == null ? null : (double) r.metrics().memory().total()),
      metric("disk", "percent", 2, r -> percent(r.metrics().disk())),
      metric("disk_used", "bytes", 0, r -> used(r.metrics().disk())),
      metric("disk_total", "bytes", 0, r -> r.metrics().disk() == null ? null : (double) r.metrics().disk().total()),
      metric("net_in", "bytes/s", 0, r -> r.metrics().netIn() == null ? null : r.metrics().netIn().bytesPerSecond()),
      metric("net_out", "bytes/s", 0, r -> r.metrics().netOut() == null ? null : r.metrics().netOut().bytesPerSecond()),
      metric("disk_read", "bytes/s", 0, r -> r.metrics().diskRead() == null ? null : r.metrics().diskRead().bytesPerSecond()),
      metric("disk_write", "bytes/s", 0, r -> r.metrics().diskWrite() == null ? null : r.metrics().diskWrite().bytesPerSecond()),
      metric("load1", "load", 2, r -> r.facets().host() == null || r.facets().host().loadAverage().isEmpty() ? null
          : r.facets().host().loadAverage().get(0)),
      metric("temperature", "celsius", 1, HistoryMetrics::temperature),
      metric("wearout", "percent", 0, r -> r.facets().disk() == null || r.facets().disk().wearoutRemainingPercent() == null ? null
          : (double) r.facets().disk().wearoutRemainingPercent()),
      metric("smart_reallocated", "sectors", 0, r -> smartSum(r, AgentFacet.Smart::reallocatedSectors)),
      metric("smart_pending", "sectors", 0, r -> smartSum(r, AgentFacet.Smart::pendingSectors)),
      metric("smart_media_errors", "count", 0, r -> smartSum(r, AgentFacet.Smart::mediaErrors)),
      metric("up", "boolean", 0, HistoryMetrics::up),
      metric("mail_queue_active", "count", 0, r -> queue(r, q -> q.active())),
      metric("mail_queue_deferred", "count", 0, r -> queue(r, q -> q.deferred())),
      metric("mail_queue_hold", "count", 0, r -> queue(r, q -> q.hold())),
      metric("mail_queue_total", "count", 0, HistoryMetrics::queueTotal),
      metric("mail_oldest_deferred", "minutes", 0, r -> queue(r, q -> q.oldestDeferredMinutes())),
      metric("restarts", "count", 0, HistoryMetrics::restarts),
      metric("mail_in", "count/24h", 0, r -> r.facets().pmg() == null || r.facets().pmg().mail() == null
          || r.facets().pmg().mail().incoming() == null ? null : (double) r.facets().pmg().mail().incoming()));

  private HistoryMetrics() {}

  private static HistoryMetric metric(String name, String unit, int decimals, Function<Resource, @Nullable Double> reader) {
    return new HistoryMetric(name, unit, decimals, reader);
  }

  public static Optional<HistoryMetric> named(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The metric names, for error messages. */
  public static String names() {
    return String.join(", ", ALL.stream().map(HistoryMetric::name).toList());
  }

  private static @Nullable Double percent(@Nullable UsageMetric u) {
    return u == null ? null : u.percent();
  }

  private static @Nullable Double used(@Nullable UsageMetric u) {
    return u == null ? null : (double) u.used();
  }

  /** A disk's own temperature, or the hottest sensor a host agent reports. */
  private static @Nullable Double temperature(Resource r) {
    if (r.facets().disk() != null) {
      return r.facets().disk().temperatureCelsius() == null ? null : (double) r.facets().disk().temperatureCelsius();
    }
    if (r.facets().agent() != null && !r.facets().agent().temperaturesCelsius().isEmpty()) {
      return r.facets().agent().temperaturesCelsius().values().stream().max(Double::compare).orElse(null);
    }
    return null;
  }

  /**
   * A SMART counter summed over the disks an agent's host reports (reallocated or pending sectors,
   * NVMe media errors): any rise is a disk getting worse. Unknown when no disk reports it.
   */
  private static @Nullable Double smartSum(Resource r, Function<AgentFacet.Smart, @Nullable Long> counter) {
    if (r.facets().agent() == null) {
      return null;
    }
    Double sum = null;
    for (AgentFacet.Smart disk : r.facets().agent().smart()) {
      Long v = counter.apply(disk);
      if (v != null) {
        sum = (sum == null ? 0 : sum) + v;
      }
    }
    return sum;
  }

  /** 1 while online (or online with a warning), 0 when offline; unknown otherwise. */
  private static @Nullable Double up(Resource r) {
    return switch (r.status()) {
      case ONLINE, WARNING -> 1.0;
      case OFFLINE -> 0.0;
      default -> null;
    };
  }

  /** Recipients in all four Postfix queues; unknown when no queue size is known. */
  private static @Nullable Double queueTotal(Resource r) {
    if (r.facets().pmg() == null || r.facets().pmg().queues() == null) {
      return null;
    }
    PmgFacet.Queues q = r.facets().pmg().queues();
    Double sum = null;
    for (Long v : java.util.Arrays.asList(q.active(), q.deferred(), q.hold(), q.incoming())) {
      if (v != null) {
        sum = (sum == null ? 0 : sum) + v;
      }
    }
    return sum;
  }

  /** A container's or pod's restarts so far: a counter that only grows while it exists. */
  private static @Nullable Double restarts(Resource r) {
    if (r.facets().docker() != null && r.facets().docker().container() != null) {
      return (double) r.facets().docker().container().restartCount();
    }
    if (r.facets().kubernetes() != null && r.facets().kubernetes().pod() != null) {
      return (double) r.facets().kubernetes().pod().restarts();
    }
    return null;
  }

  private static @Nullable Double queue(Resource r, Function<PmgFacet.Queues, @Nullable Long> read) {
    if (r.facets().pmg() == null || r.facets().pmg().queues() == null) {
      return null;
    }
    Long v = read.apply(r.facets().pmg().queues());
    return v == null ? null : v.doubleValue();
  }
}
