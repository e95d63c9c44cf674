package dev.pulse.domain.alert;

import dev.pulse.domain.history.HistoryMetric;
import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A metric at or above a threshold: warning and critical levels, each with a trigger and a lower
 * clear level (hysteresis). An unknown value decides nothing: the alert keeps its state until the
 * figure is known again.
 *
 * @param metric a {@link HistoryMetrics} name, for example {@code cpu}
 * @param diskKinds for physical disks, the kinds it is for ({@code nvme}…); empty for all
 * @param window {@code null} to judge the metric's value; else the metric is a counter (restarts)
 *     and the rule judges how much it rose over this window
 */
public record MetricRule(String id, String title, String metric, AlertCategory category, Set<ResourceType> types,
    Set<String> diskKinds, Thresholds defaults, Duration delay, boolean enabledByDefault, @Nullable Duration window)
    implements AlertRule {

  public MetricRule {
    types = Set.copyOf(types);
    diskKinds = Set.copyOf(diskKinds);
    if (HistoryMetrics.named(metric).isEmpty()) {
      throw new IllegalArgumentException("no metric " + metric);
    }
  }

  /** By type, and when {@code diskKinds} is not empty only for physical disks of those kinds (nvme, ssd, hdd…). */
  @Override
  public boolean appliesTo(Resource r) {
    if (!types.contains(r.type())) {
      return false;
    }
    return diskKinds.isEmpty() || r.facets().disk() != null && diskKinds.contains(r.facets().disk().type().toLowerCase(Locale.ROOT));
  }

  @Override
  public int clearConfirmations() {
    return 1;
  }

  /** Whether the value is unknown now, so that nothing can be decided. */
  public boolean unknown(Resource r) {
    return HistoryMetrics.named(metric).orElseThrow().read(r) == null;
  }

  /** The metric's value now, or {@code null} when unknown. */
  public @Nullable Double read(Resource r) {
    return HistoryMetrics.named(metric).orElseThrow().read(r);
  }

  @Override
  public @Nullable Condition evaluate(Resource r, @Nullable AlertLevel previous, @Nullable Thresholds thresholds) {
    Double value = read(r);
    return value == null ? null : judge(value, previous, thresholds);
  }

  /**
   * What is wrong with this figure: the metric's value, or for a rule with a window the counter's
   * rise over it.
   */
  public @Nullable Condition judge(double value, @Nullable AlertLevel previous, @Nullable Thresholds thresholds) {
    HistoryMetric m = HistoryMetrics.named(metric).orElseThrow();
    Thresholds t = thresholds != null ? thresholds : defaults;
    if (t.critical() != null && (value >= t.critical().trigger() || previous == AlertLevel.CRITICAL && value >= t.critical().clear())) {
      return condition(AlertLevel.CRITICAL, value, t.critical(), m.unit());
    }
    if (t.warning() != null && (value >= t.warning().trigger() || previous != null && value >= t.warning().clear())) {
      return condition(AlertLevel.WARNING, value, t.warning(), m.unit());
    }
    return null;
  }

  private Condition condition(AlertLevel level, double value, Threshold t, String unit) {
    String u = unit.equals("percent") ? " %" : unit.equals("celsius") ? " °C" : " " + unit;
    if (window != null) {
      return new Condition(level, String.format(Locale.ROOT, "%s: %s in the last %s ≥ %s", title, trim(value),
          span(window), trim(t.trigger())), value, t.trigger());
    }
    return new Condition(level, String.format(Locale.ROOT, "%s %s%s ≥ %s%s", title, trim(value), u, trim(t.trigger()), u),
        value, t.trigger());
  }

  /** "5 min", "1 h", "30 s". */
  private static String span(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
