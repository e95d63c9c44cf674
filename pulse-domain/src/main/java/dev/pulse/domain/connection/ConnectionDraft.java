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
    @Nullable Boolean verifyTls) {

  /** A draft for API-token auth against one endpoint. */
  public static ConnectionDraft withToken(String type, String name, String url, String tokenId, String tokenSecret,
      @Nullable String fingerprint, @Nullable Boolean verifyTls) {
    return new ConnectionDraft(type, name, url, null, tokenId, tokenSecret, null, null, fingerprint, verifyTls);
  }

  @Override
  public String toString() {
    return "ConnectionDraft[type=" + type + ", name=" + name + ", url=" + url + ", endpoints=" + endpoints
        + ", tokenId=" + tokenId + ", tokenSecret=****, username=" + username + ", password=****, fingerprint="
        + fingerprint + ", verifyTls=" + verifyTls + "]";
  }
}
