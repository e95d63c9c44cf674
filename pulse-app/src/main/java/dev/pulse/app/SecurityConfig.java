package dev.pulse.app;

import dev.pulse.http.ProxyAuth;
import dev.pulse.http.RateLimits;
import dev.pulse.http.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * @param proxyAuth sign-in by a trusted reverse proxy ({@code PULSE_PROXY_AUTH_*}), or {@code null}
 * @param tls {@code PULSE_TLS_CERT} and {@code PULSE_TLS_KEY}: serve HTTPS from these PEM files
 *     (not in demo mode), or {@code null} for plain HTTP
 * @param appriseCli {@code PULSE_APPRISE_CLI}: the absolute path of the Apprise program that
 *     channels in {@code cli} mode run, or {@code null} (the default) to allow no program at all.
 *     Only the operator chooses it: the API chooses URLs and options, never the program.
 */
public record SecurityConfig(String authUser, String authPassword, List<String> allowedOrigins, RateLimits rateLimits,
    String encryptionKey, boolean auditAsync, int auditDays, ProxyAuth proxyAuth, TlsFiles tls, Path appriseCli) {

  public static final SecurityConfig DEFAULT = new SecurityConfig(null, null, List.of(), RateLimits.DEFAULT, null, false, 365, null,
      null, null);

  /** The same, with an admin account created at start. */
  public SecurityConfig withAdmin(String user, String password) {
    return new SecurityConfig(user, password, allowedOrigins, rateLimits, encryptionKey, auditAsync, auditDays, proxyAuth, tls,
        appriseCli);
  }

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
    String cert = blankToNull(env.get("PULSE_TLS_CERT"));
    String tlsKey = blankToNull(env.get("PULSE_TLS_KEY"));
    if ((cert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("PULSE_TLS_CERT and PULSE_TLS_KEY go together: set both or neither");
    }
    TlsFiles tls = cert == null ? null : new TlsFiles(Path.of(cert), Path.of(tlsKey));
    if (tls != null) {
      try {
        tls.keyStore(); // a bad file stops Pulse at start, naming it
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("PULSE_TLS_CERT/PULSE_TLS_KEY: " + e.getMessage());
      }
    }
    return new SecurityConfig(user, pass, origins, limits, key, async.equals("true"), days, proxyAuth(env), tls, appriseCli(env));
  }

  /** {@code PULSE_APPRISE_CLI}: an absolute path to a regular, executable file, checked at start. */
  private static Path appriseCli(Map<String, String> env) {
    String raw = blankToNull(env.get("PULSE_APPRISE_CLI"));
    if (raw == null) {
      return null;
    }
    Path program = Path.of(raw.strip());
    if (!program.isAbsolute() || !Files.isRegularFile(program) || !Files.isExecutable(program)) {
      throw new IllegalArgumentException("PULSE_APPRISE_CLI must be the absolute path of an executable file, such as "
          + "/usr/bin/apprise, not " + raw);
    }
    return program;
  }

  /** {@code PULSE_PROXY_AUTH_HEADER} turns it on; the secret and the proxy's networks are then required. */
  private static ProxyAuth proxyAuth(Map<String, String> env) {
    String header = blankToNull(env.get("PULSE_PROXY_AUTH_HEADER"));
    if (header == null) {
      return null;
    }
    Map<String, String> roles = new java.util.LinkedHashMap<>();
    for (String pair : env.getOrDefault("PULSE_PROXY_AUTH_ROLES", "").split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
          throw new IllegalArgumentException("PULSE_PROXY_AUTH_ROLES: " + pair.strip() + " is not group=role");
        }
        roles.put(kv[0].strip(), kv[1].strip());
      }
    }
    List<String> networks = Arrays.stream(env.getOrDefault("PULSE_PROXY_AUTH_CIDRS", "").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
    try {
      return new ProxyAuth(header, blankToNull(env.get("PULSE_PROXY_AUTH_SECRET")), networks,
          blankToNull(env.get("PULSE_PROXY_AUTH_GROUPS_HEADER")), roles, blankToNull(env.get("PULSE_PROXY_AUTH_DEFAULT_ROLE")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PULSE_PROXY_AUTH_*: " + e.getMessage());
    }
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
        + (encryptionKey == null ? "file" : "(set)") + ", auditAsync=" + auditAsync + ", auditDays=" + auditDays + ", proxyAuth="
        + (proxyAuth == null ? "off" : proxyAuth.userHeader() + " from " + proxyAuth.trusted()) + ", tls=" + tls + "]";
  }
}
