package dev.pulse.domain.history;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The ranges a chart offers, as the API names them: {@code 1h} to {@code 1y}. */
public enum HistoryRange {
  H1("1h", Duration.ofHours(1)),
  H6("6h", Duration.ofHours(6)),
  H24("24h", Duration.ofHours(24)),
  D7("7d", Duration.ofDays(7)),
  D30("30d", Duration.ofDays(30)),
  D90("90d", Duration.ofDays(90)),
  Y1("1y", Duration.ofDays(365));

  private final String label;
  private final Duration length;

  HistoryRange(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  public String label() {
    return label;
  }

  public Duration length() {
    return length;
  }

  public static Optional<HistoryRange> parse(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
  }

  /** {@code 1h, 6h, 24h, 7d, 30d, 90d, 1y}: for error messages. */
  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(HistoryRange::label).toList());
  }
}
