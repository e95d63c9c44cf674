package dev.pulse.simulators.internal;

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
 * Who may call a simulated Proxmox API: API tokens (privileged, or privilege-separated without
 * ACLs) and users who log in for a ticket ({@code POST /access/ticket}); tickets live 2 hours and
 * can be renewed by posting one as the password. The product sets the token header ({@code
 * PVEAPIToken=ID=SECRET}, {@code PBSAPIToken=ID:SECRET}; PMG has none) and the cookie name.
 * Thread-safe. Internal: not API.
 */
public final class ProxmoxAccess {

  /** Who a request acts as. {@code privileged} principals hold PVEAuditor on /. */
  public record Principal(String name, boolean privileged) {}

  /** The answer to a login, or why it failed. */
  public record LoginResult(Map<String, Object> data, int status) {}

  private static final Duration TICKET_LIFETIME = Duration.ofHours(2);

  private final Clock clock;
  private final String ticketPrefix;
  private final String tokenPrefix;
  private final char tokenSeparator;
  private final String cookieName;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tokenPrivileged = new ConcurrentHashMap<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, Boolean> usesTfa = new ConcurrentHashMap<>();
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

  private record Ticket(String user, Instant issuedAt) {}

  /**
   * @param product {@code PVE}, {@code PBS} or {@code PMG}: the ticket prefix and cookie name follow it
   * @param tokenSeparator between token id and secret in the header; {@code 0} when the product has no tokens
   */
  public ProxmoxAccess(Clock clock, String product, char tokenSeparator) {
    this.clock = clock;
    this.ticketPrefix = product;
    this.tokenPrefix = product + "APIToken=";
    this.tokenSeparator = tokenSeparator;
    this.cookieName = product + "AuthCookie";
  }

  public void addToken(String tokenId, String secret, boolean privileged) {
    tokenSecrets.put(tokenId, secret);
    tokenPrivileged.put(tokenId, privileged);
  }

  public void addUser(String username, String password, boolean tfa) {
    passwords.put(username, password);
    usesTfa.put(username, tfa);
  }

  /** Makes every ticket issued so far invalid, as a restart of pveproxy with a new key would. */
  public void expireTickets() {
    tickets.clear();
  }

  /** The principal of a request, or {@code null} (401). */
  public Principal authenticate(String authorization, String cookie) {
    if (authorization != null && tokenSeparator != 0 && authorization.startsWith(tokenPrefix)) {
      String value = authorization.substring(tokenPrefix.length());
      int eq = value.indexOf(tokenSeparator);
      if (eq > 0) {
        String id = value.substring(0, eq);
        if (value.substring(eq + 1).equals(tokenSecrets.get(id))) {
          return new Principal(id, tokenPrivileged.get(id));
        }
      }
      return null;
    }
    String raw = cookieValue(cookie, cookieName);
    // browsers and Pulse send the ticket URL-encoded, other clients (proxmoxer) as it is: PVE takes both
    Ticket t = raw == null ? null : tickets.containsKey(raw) ? tickets.get(raw)
        : tickets.get(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    if (t == null || !clock.instant().isBefore(t.issuedAt().plus(TICKET_LIFETIME))) {
      return null;
    }
    return new Principal(t.user(), true);
  }

  /**
   * Answers a login ({@code POST /access/ticket}) or a request without valid credentials (401);
   * otherwise returns who the request acts as and leaves the exchange to the caller.
   *
   * @return the principal, or {@code null} when the exchange has been answered
   */
  public Principal admit(com.sun.net.httpserver.HttpExchange exchange, String apiPath) throws java.io.IOException {
    if (exchange.getRequestMethod().equals("POST") && apiPath.equals("/access/ticket")) {
      LoginResult result = login(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      JsonExchange.send(exchange, result.status(), JsonExchange.map("data", result.data()));
      return null;
    }
    Principal principal = authenticate(exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Cookie"));
    if (principal == null) {
      JsonExchange.send(exchange, 401, JsonExchange.map("data", null)); // "401 No ticket"
    }
    return principal;
  }

  /** {@code POST /access/ticket} with a form body of {@code username} and {@code password}. */
  public LoginResult login(String formBody) {
    Map<String, String> form = SimulatorRuntime.form(formBody);
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
    String ticket = ticketPrefix + ":" + (tfa ? "!tfa!" : "") + user + ":" + stamp + "::" + randomText(32);
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
        return p.substring(name.length() + 1);
      }
    }
    return null;
  }
}
