package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.FailureWords;
import dev.pulse.domain.connection.tls.TlsTrust;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * A read-only client of a Proxmox product's API ({@code /api2/json}: PVE, PBS or PMG) across its
 * endpoints.
 * Authenticates by API token or by ticket. A call whose endpoint fails (unreachable, timeout, 5xx,
 * 595/596 on a cluster-wide path) moves on to the next endpoint in the same call; the failed one
 * rests and is re-probed later. Returns the {@code data} member of each answer, or throws {@link
 * ProxmoxApiException} with a message fit for an operator. Thread-safe. Internal: not API.
 */
public final class ProxmoxApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private final ProxmoxProduct product;
  private final EndpointPool endpoints;
  private final Credentials credentials;
  private final TicketSession tickets;
  private final Duration requestTimeout;
  private final HttpClient http;

  public ProxmoxApiClient(ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this(ProxmoxProduct.PVE, connection, requestTimeout, clock);
  }

  public ProxmoxApiClient(ProxmoxProduct product, ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this.product = product;
    this.endpoints = new EndpointPool(connection.endpoints(), clock);
    this.credentials = connection.credentials();
    this.tickets = credentials instanceof Credentials.UserPassword up
        ? new TicketSession(up.username(), up.password().reveal(), clock) : null;
    this.requestTimeout = requestTimeout;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(requestTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    builder.sslContext(TlsTrust.context(connection.fingerprints(), connection.verifyTls()));
    this.http = builder.build();
  }

  /** GETs {@code path} (for example {@code /cluster/resources}) and returns its {@code data}. */
  public JsonNode get(String path) throws ProxmoxApiException {
    return get(path, true).get("data");
  }

  /** A paged list's {@code data} and its sibling {@code total}, {@code null} when absent. */
  public record Page(JsonNode data, Long total) {}

  /** GETs a paged list, keeping the {@code total} that PVE and PMG send beside {@code data}. */
  public Page getPage(String path) throws ProxmoxApiException {
    JsonNode root = get(path, true);
    return new Page(root.get("data"), PveJson.whole(root, "total"));
  }

  /**
   * GETs a path whose 5xx answers are the fault of a guest or node behind the endpoint, not of the
   * endpoint: a guest agent that is not running answers 500, which must neither fail over nor make
   * the endpoint rest. Connection faults and timeouts still fail over.
   */
  public JsonNode getBehindEndpoint(String path) throws ProxmoxApiException {
    return get(path, false).get("data");
  }

  private JsonNode get(String path, boolean statusFaultsAreTheEndpoints) throws ProxmoxApiException {
    List<String> errors = new ArrayList<>();
    for (URI endpoint : endpoints.candidates()) {
      try {
        JsonNode data = getFrom(endpoint, path, statusFaultsAreTheEndpoints);
        endpoints.succeeded(endpoint);
        return data;
      } catch (ProxmoxApiException e) {
        if (!e.endpointFault()) {
          throw e;
        }
        endpoints.failed(endpoint, e.getMessage());
        errors.add(endpoint.getAuthority() + ": " + e.getMessage());
      }
    }
    // only endpoint faults reach here: the others were thrown at once
    throw ProxmoxApiException.endpointFault(errors.size() == 1 ? errors.get(0)
        : "every endpoint failed: " + String.join("; ", errors), 0, null);
  }

  private JsonNode getFrom(URI endpoint, String path, boolean statusFaults) throws ProxmoxApiException {
    try {
      return send(endpoint, path, authorized(endpoint, HttpRequest.newBuilder(api(endpoint, path)).GET()), statusFaults);
    } catch (ProxmoxApiException e) {
      if (e.status() == 401 && tickets != null) { // the ticket expired or was revoked: log in again, once
        tickets.invalidate();
        return send(endpoint, path, authorized(endpoint, HttpRequest.newBuilder(api(endpoint, path)).GET()), statusFaults);
      }
      throw e;
    }
  }

  private HttpRequest.Builder authorized(URI endpoint, HttpRequest.Builder request) throws ProxmoxApiException {
    if (credentials instanceof Credentials.ApiToken token) {
      if (!product.hasApiTokens()) {
        throw new ProxmoxApiException(product.displayName() + " has no API tokens: use a user and password", 0);
      }
      return request.header("Authorization", product.tokenHeader(token.tokenId(), token.secret().reveal()));
    }
    String ticket = tickets.ticket((user, password) -> login(endpoint, user, password));
    return request.header("Cookie", product.cookieName() + "=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
  }

  private JsonNode login(URI endpoint, String username, String password) throws ProxmoxApiException {
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(api(endpoint, "/access/ticket"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    try {
      return send(endpoint, "/access/ticket", request, true).get("data");
    } catch (ProxmoxApiException e) {
      if (e.status() == 401) {
        throw new ProxmoxApiException("login as " + username + " failed: check the user name, realm and password", 401);
      }
      throw e;
    }
  }

  private JsonNode send(URI endpoint, String path, HttpRequest.Builder builder, boolean statusFaults) throws ProxmoxApiException {
    HttpRequest request = builder.timeout(requestTimeout).header("Accept", "application/json").build();
    String what = request.method() + " " + path;
    HttpResponse<byte[]> response;
    long started = System.nanoTime();
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (SSLHandshakeException e) {
      throw new ProxmoxApiException("TLS handshake with " + endpoint.getAuthority() + " failed: " + rootMessage(e), 0);
    } catch (HttpTimeoutException e) {
      throw ProxmoxApiException.endpointFault(what + " timed out after " + requestTimeout.toMillis() + " ms", 0, e);
    } catch (IOException e) {
      throw ProxmoxApiException.endpointFault(what + ": " + FailureWords.of(e, endpoint.getAuthority(),
          Duration.ofNanos(System.nanoTime() - started)), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProxmoxApiException(what + " was interrupted");
    }
    return parse(path, what, response, statusFaults);
  }

  /** Checks the answer and returns its whole envelope ({@code data}, and {@code total} on paged lists). */
  private JsonNode parse(String path, String what, HttpResponse<byte[]> response, boolean statusFaults) throws ProxmoxApiException {
    int status = response.statusCode();
    if (status != 200) {
      String message = what + " answered HTTP " + status + explain(status, credentials);
      boolean nodeScoped = path.startsWith("/nodes/") && (status == 595 || status == 596);
      // 501 is the API saying it has no such method: every endpoint would say the same
      if (status >= 500 && status != 501 && !nodeScoped && statusFaults) {
        throw ProxmoxApiException.endpointFault(message, status, null);
      }
      throw new ProxmoxApiException(message, status);
    }
    if (response.body().length > MAX_BODY) {
      throw new ProxmoxApiException(what + " answered more than " + MAX_BODY + " bytes", status);
    }
    try {
      JsonNode root = JSON.readTree(response.body());
      if (root == null || !root.isObject() || !root.has("data")) {
        throw new ProxmoxApiException(what + " answered JSON without a data member", status);
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ProxmoxApiException(what + " answered something that is not JSON", status);
    } catch (IOException e) {
      throw new ProxmoxApiException(what + " answered an unreadable body", status);
    }
  }

  /**
   * GETs several node-scoped paths at once from the preferred endpoint, so that one slow node does
   * not hold up the others: each answers within the request timeout or is left out. Faults here
   * never fail over or rest the endpoint; the paths' owners are at fault, not the endpoint.
   *
   * @return path → {@code data}, for the paths that answered
   */
  public Map<String, JsonNode> getEachBehindEndpoint(List<String> paths) throws ProxmoxApiException {
    if (paths.isEmpty()) {
      return Map.of();
    }
    URI endpoint = endpoints.candidates().get(0);
    Map<String, CompletableFuture<HttpResponse<byte[]>>> pending = new LinkedHashMap<>();
    for (String path : paths) {
      HttpRequest request = authorized(endpoint, HttpRequest.newBuilder(api(endpoint, path)).GET())
          .timeout(requestTimeout).header("Accept", "application/json").build();
      pending.put(path, http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<HttpResponse<byte[]>>> e : pending.entrySet()) {
      try {
        out.put(e.getKey(), parse(e.getKey(), "GET " + e.getKey(), e.getValue().join(), false).get("data"));
      } catch (CompletionException | CancellationException | ProxmoxApiException failed) {
        // that node is slow, down or refusing: the others still count
      }
    }
    return out;
  }

  private static URI api(URI endpoint, String path) {
    return URI.create(endpoint.toString() + "/api2/json" + path);
  }

  private static String explain(int status, Credentials credentials) {
    return switch (status) {
      case 401 -> credentials instanceof Credentials.ApiToken
          ? " (authentication failed: check the token id and secret)" : " (the ticket was refused)";
      case 403 -> " (permission denied: grant the PVEAuditor role on /)";
      case 595 -> " (the node is unreachable from the cluster)";
      case 596 -> " (the node did not answer in time)";
      default -> "";
    };
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message != null ? message : root.getClass().getSimpleName();
  }
}
