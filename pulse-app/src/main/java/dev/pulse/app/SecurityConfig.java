package dev.pulse.app;

import dev.pulse.http.RateLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sign-in and browser settings.
 *
 * @param authUser {@code PULSE_AUTH_USER}: an admin account created at start when it does not
 *     exist yet, instead of the first-run setup; {@code null} for none
 * @param authPassword {@code PULSE_AUTH_PASS}: its password, hashed at once and never kept in clear
 * @param allowedOrigins {@code PULSE_ALLOWED_ORIGINS}, comma-separated: origins besides the
 *     request's own host that browsers may call from (a proxy that rewrites the host)
 * @param rateLimits {@code PULSE_RATE_LIMIT_AUTH}, {@code _WRITES}, {@code _REPORTS}, {@code
 *     _GENERAL}: requests a minute per client address (default 10, 30, 6000, 500)
 */
public record SecurityConfig(String authUser, String authPassword, List<String> allowedOrigins, RateLimits rateLimits) {

  public static final SecurityConfig DEFAULT = new SecurityConfig(null, null, List.of(), RateLimits.DEFAULT);

  public SecurityConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
    if ((authUser == null) != (authPassword == null)) {
      throw new IllegalArgumentException("PULSE_AUTH_USER and PULSE_AUTH_PASS go together: set both or neither");
    }
  }

  /** @param integer reads a bounded whole number, naming the variable when it is not one */
  static SecurityConfig fromEnvironment(Map<String, String> env, Integers integer) {
    String user = blankToNull(env.get("PULSE_AUTH_USER"));
    String pass = blankToNull(env.get("PULSE_AUTH_PASS"));
    List<String> origins = Arrays.stream(env.getOrDefault("PULSE_ALLOWED_ORIGINS", "").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
    for (String o : origins) {
      if (!o.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException("PULSE_ALLOWED_ORIGINS: " + o + " is not an origin like https://pulse.example.com");
      }
    }
    RateLimits d = RateLimits.DEFAULT;
    RateLimits limits = new RateLimits(integer.read("PULSE_RATE_LIMIT_AUTH", d.authPerMinute()),
        integer.read("PULSE_RATE_LIMIT_WRITES", d.writesPerMinute()), integer.read("PULSE_RATE_LIMIT_REPORTS", d.reportsPerMinute()),
        integer.read("PULSE_RATE_LIMIT_GENERAL", d.generalPerMinute()));
    return new SecurityConfig(user, pass, origins, limits);
  }

  /** Reads a whole number from the environment, 1 to a million. */
  @FunctionalInterface
  interface Integers {
    int read(String name, int fallback);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "SecurityConfig[authUser=" + authUser + ", authPassword=" + (authPassword == null ? "none" : "(set)")
        + ", allowedOrigins=" + allowedOrigins + ", rateLimits=" + rateLimits + "]";
  }
}
