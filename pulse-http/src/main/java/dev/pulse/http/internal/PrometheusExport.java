package dev.pulse.http.internal;

import dev.pulse.domain.history.HistoryMetric;
import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.history.HistoryStats;
import dev.pulse.domain.resource.Resource;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.SourceHealth;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import dev.pulse.domain.resource.SourceStatus;
import java.util.Map;

/**
 * The live infrastructure as Prometheus metrics, read from the registry at each scrape: per resource
 * {@code pulse_resource_cpu_ratio{id,name,type,parent}} and the like in base units (ratios 0–1,
 * bytes, bytes per second, degrees Celsius), each source's health, and Pulse's own figures (JVM,
 * history store). Unknown values are left out, never exported as 0. Its registry is its own, not
 * the library's global one. Internal: not API.
 */
public final class PrometheusExport {

  /** A Prometheus metric read from one history metric, times a factor (percent → ratio). */
  private record Exported(String name, String help, String metric, double factor) {}

  private static final List<Exported> RESOURCE_METRICS = List.of(
      new Exported("pulse_resource_cpu_ratio", "CPU in use, 0-1 of the resource's CPUs", "cpu", 0.01),
      new Exported("pulse_resource_memory_used_bytes", "Memory in use", "memory_used", 1),
      new Exported("pulse_resource_memory_total_bytes", "Memory in all", "memory_total", 1),
      new Exported("pulse_resource_disk_used_bytes", "Disk or storage space in use", "disk_used", 1),
      new Exported("pulse_resource_disk_total_bytes", "Disk or storage space in all", "disk_total", 1),
      new Exported("pulse_resource_network_receive_bytes_per_second", "Network bytes received per second", "net_in", 1),
      new Exported("pulse_resource_network_transmit_bytes_per_second", "Network bytes sent per second", "net_out", 1),
      new Exported("pulse_resource_disk_read_bytes_per_second", "Disk bytes read per second", "disk_read", 1),
      new Exported("pulse_resource_disk_write_bytes_per_second", "Disk bytes written per second", "disk_write", 1),
      new Exported("pulse_resource_load1", "Load average over 1 minute", "load1", 1),
      new Exported("pulse_resource_temperature_celsius", "Hottest sensor, or the disk's own temperature", "temperature", 1),
      new Exported("pulse_resource_up", "1 when online (warnings included), 0 when offline", "up", 1),
      new Exported("pulse_mail_queue_active", "PMG active queue, in recipients", "mail_queue_active", 1),
      new Exported("pulse_mail_queue_deferred", "PMG deferred queue, in recipients", "mail_queue_deferred", 1),
      new Exported("pulse_mail_queue_hold", "PMG hold queue, in recipients", "mail_queue_hold", 1),
      new Exported("pulse_mail_oldest_deferred_seconds", "Lower bound of the oldest deferred message's age",
          "mail_oldest_deferred", 60),
      new Exported("pulse_resource_restarts", "Restarts of a container or pod so far; starts again when it is recreated",
          "restarts", 1));

  private final PulseEngine engine;
  private final PrometheusRegistry registry = new PrometheusRegistry();

  public PrometheusExport(PulseEngine engine) {
    this.engine = engine;
    registry.register((MultiCollector) this::collect);
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  private MetricSnapshots collect() {
    List<Resource> resources = engine.registry().snapshot().resources();
    List<MetricSnapshot> out = new ArrayList<>();
    for (Exported e : RESOURCE_METRICS) {
      HistoryMetric metric = HistoryMetrics.named(e.metric()).orElseThrow();
      GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(e.name()).help(e.help());
      int points = 0;
      for (Resource r : resources) {
        Double v = metric.read(r);
        if (v != null) {
          gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(v * e.factor()).labels(labels(r)).build());
          points++;
        }
      }
      if (points > 0) {
        out.add(gauge.build());
      }
    }
    Map<String, Integer> byType = new HashMap<>();
    resources.forEach(r -> byType.merge(r.type().wireName(), 1, Integer::sum));
    GaugeSnapshot.Builder counts = GaugeSnapshot.builder().name("pulse_resources").help("Resources by type");
    byType.forEach((type, n) -> counts.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(n)
        .labels(Labels.of("type", type)).build()));
    out.add(counts.build());
    GaugeSnapshot.Builder sources = GaugeSnapshot.builder().name("pulse_source_up")
        .help("1 while a connection or agent answers in time, 0 while it fails, is stale or offline");
    for (SourceHealth s : engine.registry().sourceHealth()) {
      sources.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.status() == SourceStatus.HEALTHY ? 1 : 0)
          .labels(Labels.of("source", s.sourceId(), "platform", s.platform(), "status", s.status().wireName()))
          .build());
    }
    out.add(sources.build());
    engine.history().ifPresent(h -> out.addAll(history(h.stats())));
    return new MetricSnapshots(out);
  }

  private static List<MetricSnapshot> history(HistoryStats stats) {
    return List.of(
        CounterSnapshot.builder().name("pulse_history_samples").help("Samples the history store took")
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(stats.samplesAccepted()).build()).build(),
        CounterSnapshot.builder().name("pulse_history_rejected_samples").help("Samples refused: not newer than their series' last")
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(stats.samplesRejected()).build()).build(),
        GaugeSnapshot.builder().name("pulse_history_series").help("Series in the history store")
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(stats.series()).build()).build(),
        GaugeSnapshot.builder().name("pulse_history_disk_bytes").help("The history database's files on disk")
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(stats.bytesOnDisk()).build()).build());
  }

  private static Labels labels(Resource r) {
    return Labels.of("id", r.id(), "name", r.name(), "type", r.type().wireName(), "parent", r.parentId() == null ? "" : r.parentId());
  }
}
