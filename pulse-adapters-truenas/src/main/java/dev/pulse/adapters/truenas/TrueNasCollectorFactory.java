package dev.pulse.adapters.truenas;

import dev.pulse.adapters.truenas.internal.TrueNasClient;
import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionTestResult.EndpointCheck;
import dev.pulse.domain.connection.FailureWords;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.tls.CertificateProbe;
import dev.pulse.domain.source.ResourceCollector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds and tests TrueNAS connections. Thread-safe. */
public final class TrueNasCollectorFactory implements CollectorFactory {

  private final Duration timeout;
  private final Clock clock;

  /** @param timeout for each call to TrueNAS */
  public TrueNasCollectorFactory(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public boolean supports(ConnectionType type) {
    return type == ConnectionType.TRUENAS;
  }

  @Override
  public ResourceCollector create(ConnectionConfig connection) {
    return new TrueNasCollector(endpoint(connection), timeout, connection.intervals().slowOrDefault(), clock);
  }

  /**
   * Checks the certificate (offering its fingerprint for trust on first use), then logs in and reads
   * {@code system.info}: the version, or why not.
   */
  @Override
  public ConnectionTestResult test(ConnectionConfig connection) {
    TrueNasEndpoint endpoint = endpoint(connection);
    EndpointCheck check;
    if (endpoint.plaintext()) {
      check = new EndpointCheck(endpoint.url().toString(), true, null, endpoint.allowInsecureTransport(),
          endpoint.allowInsecureTransport() ? null : "plain http: the API key would travel unencrypted");
    } else {
      try {
        CertificateProbe.Presented presented = CertificateProbe.probe(endpoint.url(), timeout);
        boolean trusted = endpoint.fingerprints().isEmpty()
            ? !endpoint.verifyTls() || presented.trustedByJdk() : endpoint.fingerprints().contains(presented.fingerprint());
        check = new EndpointCheck(endpoint.url().toString(), true, CertificateFingerprint.display(presented.fingerprint()), trusted,
            trusted ? null : "the certificate is not trusted: confirm its fingerprint to pin it");
      } catch (IOException e) {
        return new ConnectionTestResult(false, null,
            List.of(new EndpointCheck(endpoint.url().toString(), false, null, false, "unreachable: "
                + FailureWords.of(e, endpoint.url().getAuthority(), null))), List.of(),
            "TrueNAS could not be reached");
      }
    }
    if (!check.trusted()) {
      return new ConnectionTestResult(false, null, List.of(check), List.of(), check.error());
    }
    try (TrueNasClient client = new TrueNasClient(endpoint, timeout, clock)) {
      String version = client.call("system.info", List.of()).path("version").asText(null);
      return new ConnectionTestResult(true, version == null ? null : version + " (" + client.transport() + ")", List.of(check),
          List.of(), null);
    } catch (IOException e) {
      return new ConnectionTestResult(false, null, List.of(check), List.of(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectionTestResult(false, null, List.of(check), List.of(), "interrupted");
    }
  }

  private static TrueNasEndpoint endpoint(ConnectionConfig c) {
    if (!(c.credentials() instanceof Credentials.ApiKey key)) {
      throw new IllegalArgumentException("a TrueNAS connection needs an API key");
    }
    return new TrueNasEndpoint(c.url(), key.key(), c.fingerprints(), c.verifyTls(), key.allowInsecureTransport());
  }
}
