package dev.pulse.domain.connection;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stored connection. Validated by {@link ConnectionValidator} before it is stored.
 *
 * @param id stable id, also the source id of everything the connection reports
 * @param type the platform
 * @param name the display name
 * @param endpoints the API bases, preferred first, for example {@code https://pve1:8006}; a cluster
 *     lists several nodes so that polling fails over when one is down
 * @param credentials the token or user and password, write-only
 * @param fingerprints the SHA-256 certificate fingerprints to pin (canonical form); empty pins none
 * @param verifyTls with no pin: verify the certificate against the system trust store, or, when
 *     {@code false}, trust any certificate
 * @param intervals how often each polling tier runs
 */
public record ConnectionConfig(
    String id,
    ConnectionType type,
    String name,
    List<URI> endpoints,
    Credentials credentials,
    Set<String> fingerprints,
    boolean verifyTls,
    PollIntervals intervals) {

  /** A connection polled at the default intervals. */
  public ConnectionConfig(String id, ConnectionType type, String name, List<URI> endpoints, Credentials credentials,
      Set<String> fingerprints, boolean verifyTls) {
    this(id, type, name, endpoints, credentials, fingerprints, verifyTls, PollIntervals.DEFAULT);
  }

  public ConnectionConfig {
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(credentials, "credentials");
    endpoints = List.copyOf(endpoints);
    fingerprints = Set.copyOf(fingerprints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("a connection needs at least one endpoint");
    }
  }

  /** The preferred endpoint. */
  public URI url() {
    return endpoints.get(0);
  }
}
