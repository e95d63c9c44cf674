package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /access/permissions} (path → privilege → propagate flag) and names what Pulse
 * needs but the credentials lack. This matters because PVE and PBS do not refuse a
 * privilege-separated token without ACLs: they answer 200 with guests, storage or datastores
 * silently dropped, which would look like an empty cluster. Pure. Internal: not API.
 */
public final class ProxmoxPrivileges {

  /** A privilege Pulse reads with, and the paths on which holding it is enough. */
  private record Need(String privilege, String path, String[] paths) {}

  private static final List<Need> PVE = List.of(
      new Need("Sys.Audit", "/", new String[] {"/", "/nodes"}),
      new Need("VM.Audit", "/vms", new String[] {"/", "/vms"}),
      new Need("Datastore.Audit", "/storage", new String[] {"/", "/storage"}));

  private static final List<Need> PBS = List.of(
      new Need("Sys.Audit", "/system", new String[] {"/", "/system"}),
      new Need("Datastore.Audit", "/datastore", new String[] {"/", "/datastore"}));

  private ProxmoxPrivileges() {}

  /** What a principal is missing, for example {@code VM.Audit on /vms}; empty when nothing is. */
  public static List<String> missing(ProxmoxProduct product, JsonNode permissions) {
    List<String> missing = new ArrayList<>();
    for (Need need : product == ProxmoxProduct.PBS ? PBS : PVE) {
      boolean held = false;
      for (String path : need.paths()) {
        // the value is the propagate flag; holding the key is holding the privilege
        held |= permissions.path(path).has(need.privilege());
      }
      if (!held) {
        missing.add(need.privilege() + " on " + need.path());
      }
    }
    return missing;
  }

  /**
   * The warning shown while {@code /access/permissions} cannot be read (a release or a proxy that
   * does not serve it, a refusal): Pulse polls as usual, but cannot tell whether the credentials
   * see everything.
   */
  public static String unverifiable(String why) {
    return "could not verify privileges: " + why + ". Pulse polls as usual, but what the credentials may not see stays hidden";
  }

  /** The operator-facing explanation of a non-empty {@link #missing} list. */
  public static String explain(ProxmoxProduct product, List<String> missing, String principal) {
    String role = product == ProxmoxProduct.PBS ? "Audit" : "PVEAuditor";
    return principal + " lacks " + String.join(", ", missing) + ", so " + product.displayName() + " hides what it may "
        + "not see instead of refusing. Grant the " + role + " role on / to it (for a privilege-separated token, to the "
        + "token itself, not only its user).";
  }
}
