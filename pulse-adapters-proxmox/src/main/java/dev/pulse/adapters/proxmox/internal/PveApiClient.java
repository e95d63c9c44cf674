package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

/**
 * A read-only client of the Proxmox VE API over {@code /api2/json} with API-token auth. Returns
 * the {@code data} member of each answer, or throws {@link PveApiException} with a message fit for
 * an operator. Thread-safe. Internal: not API.
 */
public final class PveApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private final URI apiBase;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;

  /**
   * @param fingerprint canonical SHA-256 to pin, or {@code null}
   * @param verifyTls with no pin: verify against the system trust store, or trust anything
   */
  public PveApiClient(URI baseUrl, String tokenId, String tokenSecret, String fingerprint, boolean verifyTls,
      Duration requestTimeout) {
    this.apiBase = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api2/json");
    this.authorization = "PVEAPIToken=" + tokenId + "=" + tokenSecret;
    this.requestTimeout = requestTimeout;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(requestTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (fingerprint != null || !verifyTls) {
      builder.sslContext(pinnedContext(fingerprint));
    }
    this.http = builder.build();
  }

  /** GETs {@code path} (for example {@code /cluster/resources}) and returns its {@code data}. */
  public JsonNode get(String path) throws PveApiException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + path))
        .timeout(requestTimeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (SSLHandshakeException e) {
      throw new PveApiException("TLS handshake with " + apiBase.getAuthority() + " failed: " + rootMessage(e), e);
    } catch (HttpTimeoutException e) {
      throw new PveApiException("GET " + path + " timed out after " + requestTimeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new PveApiException("GET " + path + " failed: " + rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PveApiException("GET " + path + " was interrupted", e);
    }
    int status = response.statusCode();
    if (status != 200) {
      throw new PveApiException("GET " + path + " answered HTTP " + status + explain(status), status);
    }
    if (response.body().length > MAX_BODY) {
      throw new PveApiException("GET " + path + " answered more than " + MAX_BODY + " bytes");
    }
    try {
      JsonNode root = JSON.readTree(response.body());
      if (root == null || !root.isObject() || !root.has("data")) {
        throw new PveApiException("GET " + path + " answered JSON without a data member");
      }
      return root.get("data");
    } catch (JsonProcessingException e) {
      throw new PveApiException("GET " + path + " answered something that is not JSON", e);
    } catch (IOException e) {
      throw new PveApiException("GET " + path + " answered an unreadable body", e);
    }
  }

  private static String explain(int status) {
    return switch (status) {
      case 401 -> " (authentication failed: check the token id and secret)";
      case 403 -> " (permission denied: the token needs PVEAuditor on /)";
      case 595 -> " (the node is unreachable from the cluster)";
      case 596 -> " (the node did not answer in time)";
      default -> "";
    };
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message != null ? message : root.getClass().getSimpleName();
  }

  private static SSLContext pinnedContext(String fingerprint) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new PinnedTrustManager(fingerprint)}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available", e);
    }
  }
}
