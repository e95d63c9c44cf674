package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /access/permissions} (path → privilege → propagate flag) and names what Pulse needs but the
 * credentials lack. This matters because PVE does not refuse a privilege-separated token without
 * ACLs: it answers 200 with guests and storage silently dropped, which would look like an empty
 * cluster. Pure. Internal: not API.
 */
public final class PvePrivileges {

  /** A privilege Pulse reads with, and the paths on which holding it is enough. */
  private record Need(String privilege, String path, String[] paths, String hides) {}

  private static final List<Need> NEEDS = List.of(
      new Need("Sys.Audit", "/", new String[] {"/", "/nodes"}, "node figures"),
      new Need("VM.Audit", "/vms", new String[] {"/", "/vms"}, "guests"),
      new Need("Datastore.Audit", "/storage", new String[] {"/", "/storage"}, "storage"));

  private PvePrivileges() {}

  /** What is missing, for example {@code VM.Audit on /vms}; empty when nothing is. */
  public static List<String> missing(JsonNode permissions) {
    List<String> missing = new ArrayList<>();
    for (Need need : NEEDS) {
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

  /** The operator-facing explanation of a non-empty {@link #missing} list. */
  public static String explain(List<String> missing, String principal) {
    return principal + " lacks " + String.join(", ", missing) + ", so Proxmox hides guests, storage or node figures "
        + "from it instead of refusing. Grant the PVEAuditor role on / to it (for a privilege-separated token, to the "
        + "token itself, not only its user).";
  }
}
