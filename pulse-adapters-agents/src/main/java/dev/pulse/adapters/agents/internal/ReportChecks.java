package dev.pulse.adapters.agents.internal;

import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.RateMetric;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The checks every report mapper makes of a field, each naming the field when it fails. Internal: not API. */
final class ReportChecks {

  private ReportChecks() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }

  static String requireText(String value, String field) {
    if (blank(value)) {
      throw new InvalidReportException(field, field + " is required");
    }
    return value.strip();
  }

  /** The report interval in seconds, 1–3600, or the default when absent. */
  static int interval(Integer seconds, String field, int defaultSeconds) {
    if (seconds == null || seconds == 0) { // Go agents omit a zero interval
      return defaultSeconds;
    }
    if (seconds < 1 || seconds > 3600) {
      throw new InvalidReportException(field, field + " must be between 1 and 3600");
    }
    return seconds;
  }

  /** A rate in bytes per second; negative, NaN or infinite ones are refused. */
  static RateMetric rate(Double bytesPerSecond, String field, String platform) {
    if (bytesPerSecond == null) {
      return null;
    }
    if (!Double.isFinite(bytesPerSecond) || bytesPerSecond < 0) {
      throw new InvalidReportException(field, field + " must be a non-negative number of bytes per second");
    }
    return new RateMetric(bytesPerSecond, platform);
  }

  /** An RFC 3339 time; Go's zero time ({@code 0001-01-01…}) means never and gives {@code null}. */
  static Instant time(String text, String field) {
    if (blank(text) || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidReportException(field, field + " must be an RFC 3339 time");
    }
  }
}
