package dev.pulse.app;

import dev.pulse.domain.history.HistoryRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The launcher's settings, read from the environment (see docs/configuration.md).
 *
 * @param port the HTTP port ({@code PULSE_PORT}, default 7655; 0 picks a free one)
 * @param bindAddress the address to listen on ({@code PULSE_BIND}, default {@code 0.0.0.0})
 * @param dataDir where state lives ({@code PULSE_DATA_DIR}, default {@code ./data})
 * @param apiToken the admin API token ({@code PULSE_API_TOKEN}), or {@code null} for none
 * @param pollInterval how often connections are polled ({@code PULSE_POLL_INTERVAL}, seconds, default 10)
 * @param pollTimeout how long one poll may take ({@code PULSE_POLL_TIMEOUT}, seconds, default 8)
 * @param retention how long metrics history is kept per tier ({@code PULSE_HISTORY_RAW_HOURS},
 *     {@code _MINUTE_DAYS}, {@code _HOUR_DAYS}, {@code _DAY_DAYS}; default 24 h, 7, 90 and 730 days)
 * @param metricsPort a separate port serving {@code /metrics} without a token ({@code
 *     PULSE_METRICS_PORT}), or {@code null} (default: only the main port, with a token)
 * @param security sign-in, allowed origins and rate limits
 */
public record PulseConfig(int port, String bindAddress, Path dataDir, String apiToken, Duration pollInterval,
    Duration pollTimeout, HistoryRetention retention, Integer metricsPort, SecurityConfig security) {

  public PulseConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(security, "security");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PULSE_PORT must be between 0 and 65535, not " + port);
    }
  }

  /**
   * Reads the settings from environment variables.
   *
   * @throws IllegalArgumentException naming the variable at fault
   */
  public static PulseConfig fromEnvironment(Map<String, String> env) {
    int port = integer(env, "PULSE_PORT", 7655, 0, 65535);
    String bind = env.getOrDefault("PULSE_BIND", "0.0.0.0").strip();
    Path dataDir = Path.of(env.getOrDefault("PULSE_DATA_DIR", "./data").strip());
    String token = env.get("PULSE_API_TOKEN");
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.strip().length() < 16) {
      throw new IllegalArgumentException("PULSE_API_TOKEN must be at least 16 characters");
    }
    Duration interval = Duration.ofSeconds(integer(env, "PULSE_POLL_INTERVAL", 10, 1, 3600));
    Duration timeout = Duration.ofSeconds(integer(env, "PULSE_POLL_TIMEOUT", 8, 1, 600));
    String metrics = env.get("PULSE_METRICS_PORT");
    Integer metricsPort = metrics == null || metrics.isBlank() ? null : integer(env, "PULSE_METRICS_PORT", 0, 1, 65535);
    return new PulseConfig(port, bind, dataDir, token == null ? null : token.strip(), interval, timeout, retention(env),
        metricsPort, SecurityConfig.fromEnvironment(env, (name, fallback) -> integer(env, name, fallback, 1, 1_000_000)));
  }

  private static HistoryRetention retention(Map<String, String> env) {
    HistoryRetention d = HistoryRetention.DEFAULT;
    Duration raw = Duration.ofHours(integer(env, "PULSE_HISTORY_RAW_HOURS", (int) d.raw().toHours(), 1, 24 * 90));
    Duration minute = Duration.ofDays(integer(env, "PULSE_HISTORY_MINUTE_DAYS", (int) d.minute().toDays(), 1, 365));
    Duration hour = Duration.ofDays(integer(env, "PULSE_HISTORY_HOUR_DAYS", (int) d.hour().toDays(), 1, 3_650));
    Duration day = Duration.ofDays(integer(env, "PULSE_HISTORY_DAY_DAYS", (int) d.day().toDays(), 1, 36_500));
    try {
      return new HistoryRetention(raw, minute, hour, day);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PULSE_HISTORY_*: " + e.getMessage()
          + " (raw hours ≤ minute days ≤ hour days ≤ day days)");
    }
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + raw + "'");
    }
  }

  @Override
  public String toString() {
    return "PulseConfig[port=" + port + ", bind=" + bindAddress + ", dataDir=" + dataDir + ", apiToken="
        + (apiToken == null ? "none" : "****") + ", pollInterval=" + pollInterval + ", pollTimeout=" + pollTimeout
        + ", retention=" + retention + ", metricsPort=" + metricsPort + ", security=" + security + "]";
  }
}
