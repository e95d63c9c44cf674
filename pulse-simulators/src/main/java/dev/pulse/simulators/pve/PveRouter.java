package dev.pulse.simulators.pve;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the simulated PVE API's GET paths. A principal without privileges sees what PVE shows a
 * privilege-separated token without ACLs: 200 answers with guests and storage dropped and nodes
 * without figures, an empty permission list, and 403 on node status.
 */
final class PveRouter {

  /** A status and the {@code data} member to send. */
  record Answer(int status, Object data) {}

  private static final Pattern NODE_STATUS = Pattern.compile("/nodes/([^/]+)/status");
  private static final List<String> NODE_FIGURES = List.of("cpu", "mem", "disk", "uptime", "maxcpu", "maxmem", "maxdisk");

  private final PveFleet fleet;
  private final PveResponses responses;

  PveRouter(PveFleet fleet) {
    this.fleet = fleet;
    this.responses = new PveResponses(fleet);
  }

  Answer get(String path, String query, boolean privileged) {
    Matcher nodeStatus = NODE_STATUS.matcher(path);
    return switch (path) {
      case "/version" -> ok(responses.version());
      case "/cluster/status" -> ok(responses.clusterStatus());
      case "/cluster/resources" -> ok(clusterResources(query, privileged));
      case "/nodes" -> ok(responses.nodes());
      case "/access/permissions" -> ok(privileged ? auditorPermissions() : Map.of());
      default -> nodeStatus.matches() ? nodeStatus(nodeStatus.group(1), privileged)
          : new Answer(501, null); // "Method 'GET /…' not implemented"
    };
  }

  private List<Object> clusterResources(String query, boolean privileged) {
    List<Object> all = responses.clusterResources(query != null && query.startsWith("type=") ? query.substring(5) : null);
    if (privileged) {
      return all;
    }
    return all.stream()
        .filter(item -> "node".equals(((Map<?, ?>) item).get("type")))
        .map(item -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> node = new java.util.LinkedHashMap<>((Map<String, Object>) item);
          NODE_FIGURES.forEach(node::remove);
          return (Object) node;
        })
        .toList();
  }

  private Answer nodeStatus(String name, boolean privileged) {
    PveFleet.SimNode node = fleet.node(name);
    if (node == null) {
      return new Answer(500, null); // "hostname lookup failed"
    }
    if (!privileged) {
      return new Answer(403, null); // "Permission check failed (/nodes/pve1, Sys.Audit)"
    }
    if (!node.online()) {
      return new Answer(595, null); // pveproxy: no route to host
    }
    return ok(responses.nodeStatus(node));
  }

  private static Map<String, Object> auditorPermissions() {
    Map<String, Object> audit = Map.of("Sys.Audit", 1, "VM.Audit", 1, "Datastore.Audit", 1, "SDN.Audit", 1,
        "Pool.Audit", 1, "Mapping.Audit", 1);
    return Map.of("/", audit, "/vms", audit, "/storage", audit, "/nodes", audit);
  }

  private static Answer ok(Object data) {
    return new Answer(200, data);
  }
}
