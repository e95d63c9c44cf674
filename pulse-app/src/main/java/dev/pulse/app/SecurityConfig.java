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
 * @param encryptionKey {@code PULSE_ENCRYPTION_KEY}: base64 of the 32-byte key for secrets at rest,
 *     instead of the data dir's {@code secret.key}; {@code null} for the file
 * @param auditAsync {@code PULSE_AUDIT_ASYNC}: write audit entries in the background, every second
 * @param auditDays {@code PULSE_AUDIT_DAYS}: how long audit entries are kept (default 365)
 */
public record SecurityConfig(String authUser, String authPassword, List<String> allowedOrigins, RateLimits rateLimits,
    String encryptionKey, boolean auditAsync, int auditDays) {

  public static final SecurityConfig DEFAULT = new SecurityConfig(null, null, List.of(), RateLimits.DEFAULT, null, false, 365);

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
    String async = env.getOrDefault("PULSE_AUDIT_ASYNC", "false").strip().toLowerCase(java.util.Locale.ROOT);
    if (!async.equals("true") && !async.equals("false")) {
      throw new IllegalArgumentException("PULSE_AUDIT_ASYNC must be true or false, not " + async);
    }
    int days = integer.read("PULSE_AUDIT_DAYS", 365);
    if (days > 3650) {
      throw new IllegalArgumentException("PULSE_AUDIT_DAYS must be 1 to 3650, not " + days);
    }
    String key = blankToNull(env.get("PULSE_ENCRYPTION_KEY"));
    if (key != null && decodedLength(key) != 32) {
      throw new IllegalArgumentException("PULSE_ENCRYPTION_KEY must be the base64 of 32 bytes (openssl rand -base64 32)");
    }
    return new SecurityConfig(user, pass, origins, limits, key, async.equals("true"), days);
  }

  /** Reads a whole number from the environment, 1 to a million. */
  @FunctionalInterface
  interface Integers {
    int read(String name, int fallback);
  }

  private static int decodedLength(String base64) {
    try {
      return java.util.Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "SecurityConfig[authUser=" + authUser + ", authPassword=" + (authPassword == null ? "none" : "(set)")
        + ", allowedOrigins=" + allowedOrigins + ", rateLimits=" + rateLimits + ", encryptionKey="
        + (encryptionKey == null ? "file" : "(set)") + ", auditAsync=" + auditAsync + ", auditDays=" + auditDays + "]";
  }
}
