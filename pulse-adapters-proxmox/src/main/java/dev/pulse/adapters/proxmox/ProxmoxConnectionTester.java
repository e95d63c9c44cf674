package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.connection.tls.CertificateProbe;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiException;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.adapters.proxmox.internal.PrivilegeCheck;
import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionTestResult.EndpointCheck;
import dev.pulse.domain.connection.FailureWords;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests a Proxmox connection (PVE, PBS or PMG) before it is stored: each endpoint's certificate
 * (reported for trust on first use, nothing sent), then the login, {@code /version} and, where the
 * product has them, {@code /access/permissions}.
 */
final class ProxmoxConnectionTester {

  private ProxmoxConnectionTester() {}

  static ConnectionTestResult test(ProxmoxProduct product, ConnectionConfig connection, Duration timeout, Clock clock) {
    List<EndpointCheck> checks = new ArrayList<>();
    for (var endpoint : connection.endpoints()) {
      try {
        CertificateProbe.Presented presented = CertificateProbe.probe(endpoint, timeout);
        boolean trusted = connection.fingerprints().isEmpty()
            ? !connection.verifyTls() || presented.trustedByJdk()
            : connection.fingerprints().contains(presented.fingerprint());
        checks.add(new EndpointCheck(endpoint.toString(), true, CertificateFingerprint.display(presented.fingerprint()),
            trusted, trusted ? null : "the certificate is not trusted: confirm its fingerprint to pin it"));
      } catch (IOException e) {
        checks.add(new EndpointCheck(endpoint.toString(), false, null, false, "unreachable: "
            + FailureWords.of(e, endpoint.getAuthority(), null)));
      }
    }
    if (checks.stream().noneMatch(EndpointCheck::trusted)) {
      String error = checks.stream().anyMatch(EndpointCheck::reachable)
          ? "no endpoint presented a trusted certificate" : "no endpoint could be reached";
      return new ConnectionTestResult(false, null, checks, List.of(), error);
    }
    ProxmoxApiClient client = new ProxmoxApiClient(product, connection, timeout, clock);
    try {
      JsonNode version = client.get("/version");
      if (product == ProxmoxProduct.PMG) {
        return new ConnectionTestResult(true, PveJson.text(version, "version"), checks, List.of(), null);
      }
      // the same check the collectors make: missing privileges fail, permissions that cannot be read warn
      PrivilegeCheck privileges = new PrivilegeCheck(product, connection.credentials().principal(), clock);
      String failure = privileges.failureWhenDue(client);
      String warning = privileges.warnings().isEmpty() ? null : privileges.warnings().get(0);
      return new ConnectionTestResult(failure == null, PveJson.text(version, "version"), checks, privileges.missing(),
          failure != null ? failure : warning);
    } catch (ProxmoxApiException e) {
      return new ConnectionTestResult(false, null, checks, List.of(), e.getMessage());
    }
  }
}
