package dev.pulse.domain.connection;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored platform connection. Validated by {@link ConnectionValidator} before it is stored.
 *
 * @param id stable id, also the source id of everything the connection reports
 * @param type the platform
 * @param name the display name
 * @param url the API base, for example {@code https://pve1:8006}
 * @param tokenId the API token id, {@code USER@REALM!TOKENID}
 * @param tokenSecret the API token secret, write-only
 * @param fingerprint the SHA-256 certificate fingerprint to pin, or {@code null}
 * @param verifyTls whether to verify the certificate against the system trust store when no
 *     fingerprint is pinned
 */
public record ConnectionConfig(
    String id,
    ConnectionType type,
    String name,
    URI url,
    String tokenId,
    Secret tokenSecret,
    @Nullable String fingerprint,
    boolean verifyTls) {

  public ConnectionConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(tokenSecret, "tokenSecret");
  }
}
