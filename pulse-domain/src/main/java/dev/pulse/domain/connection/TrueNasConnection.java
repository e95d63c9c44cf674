package dev.pulse.domain.connection;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TrueNAS connection, field by field: {@code TrueNasConnection.apiKey("nas", "https://nas1",
 * key).fingerprint("AB:CD:…").build()}. Not thread-safe.
 */
public final class TrueNasConnection {

  private final String name;
  private final String url;
  private final String apiKey;
  private @Nullable String fingerprint;
  private @Nullable Boolean verifyTls;
  private boolean allowInsecureTransport;

  private TrueNasConnection(String name, String url, String apiKey) {
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  /** TrueNAS authenticates with an API key only. */
  public static TrueNasConnection apiKey(String name, String url, String apiKey) {
    return new TrueNasConnection(name, url, apiKey);
  }

  /** Pins the certificate by its SHA-256 fingerprint ({@code AB:CD:…}). */
  public TrueNasConnection fingerprint(String sha256) {
    this.fingerprint = Objects.requireNonNull(sha256, "sha256");
    return this;
  }

  /** Whether to verify the certificate against the JDK's trust store when none is pinned (default true). */
  public TrueNasConnection verifyTls(boolean verify) {
    this.verifyTls = verify;
    return this;
  }

  /**
   * Allows a plain {@code http://} URL, which sends the key in clear text (TrueNAS revokes a key it
   * sees that way): only where the operator accepts that.
   */
  public TrueNasConnection allowInsecureTransport() {
    this.allowInsecureTransport = true;
    return this;
  }

  public ConnectionDraft build() {
    return ConnectionDraft.withApiKey(name, url, apiKey, fingerprint, verifyTls, allowInsecureTransport);
  }
}
