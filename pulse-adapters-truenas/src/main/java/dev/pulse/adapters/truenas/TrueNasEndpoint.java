package dev.pulse.adapters.truenas;

import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach one TrueNAS system.
 *
 * @param url {@code https://host[:port]}; {@code http://} only with {@code allowInsecureTransport}
 * @param apiKey the API key; TrueNAS revokes a key it receives in clear text
 * @param fingerprints pinned certificate SHA-256 fingerprints in any usual spelling, or empty
 * @param verifyTls whether to check the certificate against the JDK's CAs when nothing is pinned
 * @param allowInsecureTransport the operator's explicit opt-in to plain {@code http}/{@code ws}
 */
public record TrueNasEndpoint(URI url, Secret apiKey, Set<String> fingerprints, boolean verifyTls, boolean allowInsecureTransport) {

  public TrueNasEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(apiKey, "apiKey");
    Set<String> canonical = new java.util.LinkedHashSet<>();
    for (String f : fingerprints) {
      canonical.add(CertificateFingerprint.normalize(f)
          .orElseThrow(() -> new IllegalArgumentException("not a SHA-256 fingerprint: " + f)));
    }
    fingerprints = Set.copyOf(canonical);
  }

  /** Whether calls would travel unencrypted. */
  public boolean plaintext() {
    return !"https".equalsIgnoreCase(url.getScheme());
  }
}
