package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.FailureWords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The REST API at {@code /api/v2.0} with {@code Authorization: Bearer <key>}, for TrueNAS releases
 * without the JSON-RPC WebSocket (CORE 13, SCALE before 25.04). Each method maps to its REST path.
 * Internal: not API.
 */
public final class RestTransport implements TrueNasTransport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> GETS = Map.ofEntries(Map.entry("smart.test.results", "/smart/test/results"),
      Map.entry("system.info", "/system/info"),
      Map.entry("boot.get_state", "/boot/get_state"),
      Map.entry("pool.query", "/pool"),
      Map.entry("pool.dataset.query", "/pool/dataset"),
      Map.entry("disk.query", "/disk"),
      Map.entry("alert.list", "/alert/list"),
      Map.entry("zfs.snapshot.query", "/zfs/snapshot"),
      Map.entry("replication.query", "/replication"),
      Map.entry("app.query", "/app"),
      Map.entry("vm.query", "/vm"),
      Map.entry("network.general.summary", "/network/general/summary"),
      Map.entry("sharing.smb.query", "/sharing/smb"),
      Map.entry("sharing.nfs.query", "/sharing/nfs"));
  private static final Map<String, String> POSTS = Map.of("disk.temperatures", "/disk/temperatures");

  private final HttpClient http;
  private final URI base;
  private final String apiKey;
  private final Duration timeout;

  public RestTransport(HttpClient http, URI base, String apiKey, Duration timeout) {
    this.http = http;
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/api/v2.0");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "rest";
  }

  @Override
  public JsonNode call(String method, List<Object> params) throws IOException, InterruptedException {
    HttpRequest.Builder request;
    if (GETS.containsKey(method)) {
      request = HttpRequest.newBuilder(URI.create(base + GETS.get(method))).GET();
    } else if (POSTS.containsKey(method)) {
      Object body = params.isEmpty() ? Map.of() : params.get(0);
      request = HttpRequest.newBuilder(URI.create(base + POSTS.get(method)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } else {
      throw new IOException(method + " has no REST equivalent here");
    }
    HttpResponse<byte[]> response;
    long started = System.nanoTime();
    try {
      response = http.send(request.timeout(timeout).header("Authorization", "Bearer " + apiKey)
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // said in words; the cause stays, so a refused connection still backs off
      throw new IOException(method + ": " + FailureWords.of(e, base.getAuthority(),
          Duration.ofNanos(System.nanoTime() - started)), e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new AuthenticationFailed("TrueNAS refused the API key (HTTP " + response.statusCode() + ")");
    }
    if (response.statusCode() != 200) {
      throw new IOException(method + " answered HTTP " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(method + " answered something that is not JSON");
    }
  }

  @Override
  public void close() {
    // nothing held open: each call is its own request
  }
}
