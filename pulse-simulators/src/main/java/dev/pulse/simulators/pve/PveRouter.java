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

  private static final Pattern NODE_PATH = Pattern.compile("/nodes/([^/]+)(/.*)");
  private static final Pattern AGENT = Pattern.compile("/qemu/(\\d+)/agent/([a-z-]+)");
  private static final Pattern LXC_INTERFACES = Pattern.compile("/lxc/(\\d+)/interfaces");
  private static final Pattern ZFS_POOL = Pattern.compile("/disks/zfs/([^/]+)");
  private static final Pattern STORAGE_CONTENT = Pattern.compile("/storage/([^/]+)/content");
  private static final Pattern GUEST = Pattern.compile("/(qemu|lxc)/(\\d+)/(status/current|config|rrddata)");
  private static final List<String> NODE_FIGURES = List.of("cpu", "mem", "disk", "uptime", "maxcpu", "maxmem", "maxdisk");

  private final PveFleet fleet;
  private final PveResponses responses;
  private final PveDetailResponses details;
  private final PveProtectionResponses protection;
  private final PveClientResponses client;

  PveRouter(PveFleet fleet) {
    this.fleet = fleet;
    this.responses = new PveResponses(fleet);
    this.details = new PveDetailResponses(fleet);
    this.protection = new PveProtectionResponses(fleet);
    this.client = new PveClientResponses(fleet, responses, protection);
  }

  PveFleet fleet() {
    return fleet;
  }

  Answer get(String path, String query, boolean privileged) {
    Matcher nodePath = NODE_PATH.matcher(path);
    return switch (path) {
      case "/version" -> ok(responses.version());
      case "/cluster/status" -> ok(responses.clusterStatus());
      case "/cluster/resources" -> ok(clusterResources(query, privileged));
      case "/nodes" -> ok(responses.nodes());
      case "/access/permissions" -> ok(privileged ? auditorPermissions() : Map.of());
      case "/cluster/ceph/status" -> privileged ? ok(protection.cephStatus()) : new Answer(403, null);
      case "/cluster/ha/status/current" -> ok(protection.haStatus());
      case "/cluster/tasks" -> ok(client.clusterTasks());
      case "/cluster/replication" -> ok(privileged ? client.clusterReplication() : List.of());
      case "/pools" -> ok(List.of(Map.of("poolid", "prod")));
      default -> nodePath.matches() ? node(nodePath.group(1), nodePath.group(2), query, privileged)
          : new Answer(501, null); // "Method 'GET /…' not implemented"
    };
  }

  private Answer node(String name, String rest, String query, boolean privileged) {
    PveFleet.SimNode node = fleet.node(name);
    if (node == null) {
      return new Answer(500, null); // "hostname lookup failed"
    }
    if (!privileged) {
      return new Answer(403, null); // "Permission check failed (/nodes/pve1, Sys.Audit)"
    }
    if (!fleet.online(node)) {
      return new Answer(595, null); // pveproxy: no route to host
    }
    Matcher agent = AGENT.matcher(rest);
    Matcher lxc = LXC_INTERFACES.matcher(rest);
    Matcher pool = ZFS_POOL.matcher(rest);
    Matcher content = STORAGE_CONTENT.matcher(rest);
    Matcher guestPath = GUEST.matcher(rest);
    if (rest.equals("/status")) {
      return ok(responses.nodeStatus(node));
    } else if (rest.equals("/qemu")) {
      return ok(details.qemuList(node));
    } else if (rest.equals("/lxc")) {
      return ok(client.lxcList(node));
    } else if (rest.equals("/storage")) {
      return ok(client.nodeStorage(node));
    } else if (rest.equals("/rrddata")) {
      List<Object> rows = client.rrd(node, null, timeframe(query));
      return rows == null ? new Answer(400, null) : ok(rows);
    } else if (guestPath.matches()) {
      PveFleet.SimGuest g = guestOn(node, Integer.parseInt(guestPath.group(2)));
      if (g == null || !g.type().equals(guestPath.group(1))) {
        return new Answer(500, null); // "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist"
      }
      return switch (guestPath.group(3)) {
        case "status/current" -> ok(client.status(g));
        case "config" -> ok(client.config(g));
        default -> {
          List<Object> rows = client.rrd(node, g, timeframe(query));
          yield rows == null ? new Answer(400, null) : ok(rows);
        }
      };
    } else if (agent.matches()) {
      PveFleet.SimGuest g = guestOn(node, Integer.parseInt(agent.group(1)));
      Object answer = g == null ? null : details.agent(g, agent.group(2));
      return answer == null ? new Answer(500, null) : ok(answer); // "QEMU guest agent is not running"
    } else if (lxc.matches()) {
      PveFleet.SimGuest g = guestOn(node, Integer.parseInt(lxc.group(1)));
      return g == null || !g.status().equals("running") ? new Answer(500, null) : ok(details.lxcInterfaces(g));
    } else if (rest.equals("/disks/list")) {
      return ok(details.disks(node));
    } else if (rest.equals("/disks/smart")) {
      Object smart = details.smart(node, query != null && query.startsWith("disk=") ? query.substring(5) : null);
      return smart == null ? new Answer(400, null) : ok(smart);
    } else if (rest.equals("/apt/update")) {
      return ok(details.pendingUpdates(node));
    } else if (rest.equals("/ceph/pool")) {
      return ok(protection.cephPools());
    } else if (rest.equals("/replication")) {
      return ok(protection.replication(node));
    } else if (rest.equals("/tasks")) {
      return ok(query != null && query.contains("typefilter=vzdump") ? protection.vzdumpTasks(node) : List.of());
    } else if (content.matches()) {
      return ok(protection.backupContent(node, content.group(1)));
    } else if (rest.equals("/disks/zfs")) {
      return ok(details.zfsPools(node));
    } else if (pool.matches()) {
      Object tree = details.zfsPool(node, pool.group(1));
      return tree == null ? new Answer(500, null) : ok(tree);
    }
    return new Answer(501, null);
  }

  /** The {@code timeframe} of a query string, or {@code null}. */
  private static String timeframe(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("timeframe=")) {
        return pair.substring("timeframe=".length());
      }
    }
    return null;
  }

  private PveFleet.SimGuest guestOn(PveFleet.SimNode node, int vmid) {
    PveFleet.SimGuest g = fleet.guest(vmid);
    return g != null && g.node().equals(node.name()) ? g : null;
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

  private static Map<String, Object> auditorPermissions() {
    Map<String, Object> audit = Map.of("Sys.Audit", 1, "VM.Audit", 1, "Datastore.Audit", 1, "SDN.Audit", 1,
        "Pool.Audit", 1, "Mapping.Audit", 1);
    return Map.of("/", audit, "/vms", audit, "/storage", audit, "/nodes", audit);
  }

  private static Answer ok(Object data) {
    return new Answer(200, data);
  }
}
