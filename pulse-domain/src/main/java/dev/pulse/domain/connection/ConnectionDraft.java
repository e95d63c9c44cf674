package dev.pulse.domain.connection;

import org.jspecify.annotations.Nullable;

/**
 * A connection as a client submitted it, not yet validated. Any field may be missing.
 *
 * @param verifyTls {@code null} means the default, {@code true}
 */
public record ConnectionDraft(
    @Nullable String type,
    @Nullable String name,
    @Nullable String url,
    @Nullable String tokenId,
    @Nullable String tokenSecret,
    @Nullable String fingerprint,
    @Nullable Boolean verifyTls) {

  @Override
  public String toString() {
    return "ConnectionDraft[type=" + type + ", name=" + name + ", url=" + url + ", tokenId=" + tokenId
        + ", tokenSecret=****, fingerprint=" + fingerprint + ", verifyTls=" + verifyTls + "]";
  }
}
