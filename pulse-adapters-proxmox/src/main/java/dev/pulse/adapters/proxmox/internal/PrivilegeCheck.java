package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The check of a collector's credentials against {@code GET /access/permissions}, every 10 minutes
 * while they are fine and at every poll while they are not, so a fix shows at once. Missing
 * privileges fail the poll with their explanation (an empty map means all are missing). A map that
 * cannot be read at all (an old release, a proxy in front, a refusal) does not: polling goes on,
 * and {@link #warnings()} says the privileges could not be verified. Internal: not API.
 */
public final class PrivilegeCheck {

  private static final Duration EVERY = Duration.ofMinutes(10);

  private final ProxmoxProduct product;
  private final String principal;
  private final Clock clock;
  private Instant checkedAt;
  private volatile String warning;
  private volatile List<String> missing = List.of();

  public PrivilegeCheck(ProxmoxProduct product, String principal, Clock clock) {
    this.product = product;
    this.principal = principal;
    this.clock = clock;
  }

  /**
   * Checks when due.
   *
   * @return why the poll must fail (missing privileges), or {@code null} to go on
   * @throws ProxmoxApiException when the product cannot be reached at all
   */
  public String failureWhenDue(ProxmoxApiClient client) throws ProxmoxApiException {
    Instant now = clock.instant();
    if (checkedAt != null && Duration.between(checkedAt, now).compareTo(EVERY) < 0) {
      return null;
    }
    JsonNode permissions;
    try {
      permissions = client.get("/access/permissions");
    } catch (ProxmoxApiException e) {
      if (e.endpointFault()) {
        throw e; // unreachable: the poll fails as any would
      }
      return unverifiable(e.getMessage(), now);
    }
    if (permissions == null || !permissions.isObject()) {
      return unverifiable("/access/permissions answered something that is not a permission map", now);
    }
    warning = null;
    missing = ProxmoxPrivileges.missing(product, permissions);
    if (!missing.isEmpty()) {
      return ProxmoxPrivileges.explain(product, missing, principal);
    }
    checkedAt = now;
    return null;
  }

  /** The privileges the last check found missing, for example {@code VM.Audit on /vms}; empty when none. */
  public List<String> missing() {
    return missing;
  }

  /** What to show with a successful poll: that the privileges could not be verified, or nothing. */
  public List<String> warnings() {
    String w = warning;
    return w == null ? List.of() : List.of(w);
  }

  private String unverifiable(String why, Instant now) {
    warning = ProxmoxPrivileges.unverifiable(why);
    checkedAt = now;
    return null;
  }
}
