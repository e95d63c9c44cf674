package dev.pulse.domain.connection;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection as a client submitted it, not yet validated. Any field may be missing.
 *
 * @param url the preferred endpoint
 * @param endpoints further endpoints of the same cluster, tried in order when the preferred fails
 * @param tokenId with {@code tokenSecret}: API-token auth
 * @param username with {@code password}: ticket auth
 * @param fingerprint one SHA-256 fingerprint, or several separated by commas or spaces
 * @param verifyTls {@code null} means the default, {@code true}
 * @param intervals seconds between polls per tier, each optional
 * @param apiKey a TrueNAS API key
 * @param allowInsecureTransport allow a TrueNAS {@code http://} URL, which sends the key in clear text
 */
public record ConnectionDraft(
    @Nullable String type,
    @Nullable String name,
    @Nullable String url,
    @Nullable List<String> endpoints,
    @Nullable String tokenId,
    @Nullable String tokenSecret,
    @Nullable String username,
    @Nullable String password,
    @Nullable String fingerprint,
    @Nullable Boolean verifyTls,
    @Nullable Intervals intervals,
    @Nullable String apiKey,
    @Nullable Boolean allowInsecureTransport) {

  /** Seconds between polls of each tier; {@code null} for the default. */
  public record Intervals(@Nullable Integer fast, @Nullable Integer slow, @Nullable Integer disks) {}

  /** A draft without interval settings. */
  public ConnectionDraft(@Nullable String type, @Nullable String name, @Nullable String url, @Nullable List<String> endpoints,
      @Nullable String tokenId, @Nullable String tokenSecret, @Nullable String username, @Nullable String password,
      @Nullable String fingerprint, @Nullable Boolean verifyTls) {
    this(type, name, url, endpoints, tokenId, tokenSecret, username, password, fingerprint, verifyTls, null, null, null);
  }

  /** A draft for a TrueNAS system and its API key. */
  public static ConnectionDraft withApiKey(String name, String url, String apiKey, @Nullable String fingerprint,
      @Nullable Boolean verifyTls, boolean allowInsecureTransport) {
    return new ConnectionDraft("truenas", name, url, null, null, null, null, null, fingerprint, verifyTls, null, apiKey,
        allowInsecureTransport);
  }

  /** A draft for API-token auth against one endpoint. */
  public static ConnectionDraft withToken(String type, String name, String url, String tokenId, String tokenSecret,
      @Nullable String fingerprint, @Nullable Boolean verifyTls) {
    return new ConnectionDraft(type, name, url, null, tokenId, tokenSecret, null, null, fingerprint, verifyTls);
  }

  @Override
  public String toString() {
    return "ConnectionDraft[type=" + type + ", name=" + name + ", url=" + url + ", endpoints=" + endpoints
        + ", tokenId=" + tokenId + ", tokenSecret=****, username=" + username + ", password=****, fingerprint="
        + fingerprint + ", verifyTls=" + verifyTls + ", intervals=" + intervals + ", apiKey=****, allowInsecureTransport="
        + allowInsecureTransport + "]";
  }
}
