package dev.pulse.simulators.pve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call the simulated PVE API: API tokens (privileged, or privilege-separated without ACLs)
 * and users who log in for a ticket ({@code POST /access/ticket}); tickets live 2 hours and can be
 * renewed by posting one as the password. Thread-safe.
 */
final class PveAccess {

  /** Who a request acts as. {@code privileged} principals hold PVEAuditor on /. */
  record Principal(String name, boolean privileged) {}

  /** The answer to a login, or why it failed. */
  record LoginResult(Map<String, Object> data, int status) {}

  private static final Duration TICKET_LIFETIME = Duration.ofHours(2);

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tokenPrivileged = new ConcurrentHashMap<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, Boolean> usesTfa = new ConcurrentHashMap<>();
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

  private record Ticket(String user, Instant issuedAt) {}

  PveAccess(Clock clock) {
    this.clock = clock;
  }

  void addToken(String tokenId, String secret, boolean privileged) {
    tokenSecrets.put(tokenId, secret);
    tokenPrivileged.put(tokenId, privileged);
  }

  void addUser(String username, String password, boolean tfa) {
    passwords.put(username, password);
    usesTfa.put(username, tfa);
  }

  /** Makes every ticket issued so far invalid, as a restart of pveproxy with a new key would. */
  void expireTickets() {
    tickets.clear();
  }

  /** The principal of a request, or {@code null} (401). */
  Principal authenticate(String authorization, String cookie) {
    if (authorization != null && authorization.startsWith("PVEAPIToken=")) {
      String value = authorization.substring("PVEAPIToken=".length());
      int eq = value.indexOf('=');
      if (eq > 0) {
        String id = value.substring(0, eq);
        if (value.substring(eq + 1).equals(tokenSecrets.get(id))) {
          return new Principal(id, tokenPrivileged.get(id));
        }
      }
      return null;
    }
    String ticket = cookieValue(cookie, "PVEAuthCookie");
    Ticket t = ticket == null ? null : tickets.get(ticket);
    if (t == null || !clock.instant().isBefore(t.issuedAt().plus(TICKET_LIFETIME))) {
      return null;
    }
    return new Principal(t.user(), true);
  }

  /** {@code POST /access/ticket} with a form body of {@code username} and {@code password}. */
  LoginResult login(String formBody) {
    Map<String, String> form = parseForm(formBody);
    String user = form.get("username");
    String password = form.get("password");
    if (user == null || password == null || !passwords.containsKey(user)) {
      return new LoginResult(null, 401);
    }
    Ticket renewed = tickets.get(password);
    boolean renewal = renewed != null && renewed.user().equals(user)
        && clock.instant().isBefore(renewed.issuedAt().plus(TICKET_LIFETIME));
    if (!renewal && !password.equals(passwords.get(user))) {
      return new LoginResult(null, 401);
    }
    Instant now = clock.instant();
    String stamp = Long.toHexString(now.getEpochSecond()).toUpperCase(Locale.ROOT);
    boolean tfa = usesTfa.getOrDefault(user, false) && !renewal;
    String ticket = "PVE:" + (tfa ? "!tfa!" : "") + user + ":" + stamp + "::" + randomText(32);
    if (!tfa) {
      tickets.put(ticket, new Ticket(user, now));
    }
    Map<String, Object> data = new HashMap<>();
    data.put("username", user);
    data.put("ticket", ticket);
    data.put("CSRFPreventionToken", stamp + ":" + randomText(16));
    data.put("cap", Map.of());
    data.put("clustername", "homelab");
    if (tfa) {
      data.put("NeedTFA", 1);
    }
    return new LoginResult(data, 200);
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().withoutPadding().encodeToString(b);
  }

  private static String cookieValue(String header, String name) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(name + "=")) {
        return URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
