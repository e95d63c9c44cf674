package dev.pulse.domain.connection;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What testing a connection found, before it is stored.
 *
 * @param ok whether Pulse could log in and read what it needs
 * @param version the platform's version, or {@code null} when not reached
 * @param endpoints what each endpoint presented
 * @param missingPrivileges privileges the credentials lack, for example {@code VM.Audit on /}
 * @param error why it is not ok, or {@code null}
 */
public record ConnectionTestResult(
    boolean ok,
    @Nullable String version,
    List<EndpointCheck> endpoints,
    List<String> missingPrivileges,
    @Nullable String error) {

  public ConnectionTestResult {
    endpoints = List.copyOf(endpoints);
    missingPrivileges = List.copyOf(missingPrivileges);
  }

  /**
   * One endpoint's answer.
   *
   * @param fingerprint the SHA-256 of the certificate it presented (uppercase, colons), for
   *     trust-on-first-use; {@code null} when no TLS connection was made
   * @param trusted whether the connection's TLS settings accept that certificate
   * @param error why it could not be reached, or {@code null}
   */
  public record EndpointCheck(String url, boolean reachable, @Nullable String fingerprint, boolean trusted,
      @Nullable String error) {}
}
