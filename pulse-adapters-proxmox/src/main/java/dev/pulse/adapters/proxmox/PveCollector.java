package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.CounterRates;
import dev.pulse.adapters.proxmox.internal.GuestExtras;
import dev.pulse.adapters.proxmox.internal.PrivilegeCheck;
import dev.pulse.adapters.proxmox.internal.PveClusterTier;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiException;
import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.adapters.proxmox.internal.PveDiskTier;
import dev.pulse.adapters.proxmox.internal.PveGuestTier;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.adapters.proxmox.internal.PveMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a Proxmox VE cluster in tiers, so that the load on pveproxy does not grow with the
 * number of guests:
 *
 * <ul>
 *   <li>every collection (fast tier): {@code /cluster/status}, {@code /cluster/resources} and {@code
 *       /nodes/{node}/status} per online node: 2 + (online nodes) requests;
 *   <li>slow tier (default 60 s): balloon sizes per node, the agents of running guests, Ceph,
 *       replication, vzdump tasks and backup volumes;
 *   <li>disk tier (default 5 min): physical disks with SMART, ZFS pools and pending updates, per node.
 * </ul>
 *
 * What the slower tiers learned is kept and merged into every collection. I/O rates come from the
 * guests' cumulative counters between two fast collections. The credentials' privileges are
 * checked on the first collection and every 10 minutes, because PVE hides what a token may not see
 * instead of refusing. Called by one thread at a time.
 */
public final class PveCollector implements ResourceCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PveCollector.class);

  private final String name;
  private final ProxmoxApiClient client;
  private final Clock clock;
  private final Duration slowEvery;
  private final Duration disksEvery;
  private final PveGuestTier guestTier = new PveGuestTier();
  private final PveDiskTier diskTier = new PveDiskTier();
  private final PveClusterTier clusterTier = new PveClusterTier();
  private final CounterRates rates = new CounterRates(PveMapper.PLATFORM);
  private final PrivilegeCheck privileges;
  private Instant slowRanAt;
  private Instant disksRanAt;

  public PveCollector(ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this.name = connection.name();
    this.privileges = new PrivilegeCheck(ProxmoxProduct.PVE, connection.credentials().principal(), clock);
    this.client = new ProxmoxApiClient(connection, requestTimeout, clock);
    this.clock = clock;
    this.slowEvery = connection.intervals().slowOrDefault();
    this.disksEvery = connection.intervals().disksOrDefault();
  }

  @Override
  public String platform() {
    return PveMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      String privilegeProblem = privileges.failureWhenDue(client);
      if (privilegeProblem != null) {
        return CollectionResult.failure(privilegeProblem);
      }
      JsonNode clusterStatus = client.get("/cluster/status");
      JsonNode resources = client.get("/cluster/resources");
      if (!resources.isArray() || !clusterStatus.isArray()) {
        return CollectionResult.failure("the cluster endpoints did not answer lists");
      }
      Instant now = clock.instant();
      List<String> online = onlineNodes(resources);
      Map<String, JsonNode> nodeStatus = nodeStatuses(online);
      // the slower tiers ask only nodes that answered just now: a slow node must not stall the cycle
      List<String> responsive = online.stream().filter(nodeStatus::containsKey).toList();
      if (due(slowRanAt, slowEvery, now)) {
        guestTier.refresh(client, resources, responsive, now);
        clusterTier.refresh(client, resources, responsive);
        slowRanAt = now;
      }
      if (due(disksRanAt, disksEvery, now)) {
        diskTier.refresh(client, responsive);
        disksRanAt = now;
      }
      List<ObservedResource> out = new ArrayList<>();
      for (ObservedResource r : PveMapper.map(resources, nodeIps(clusterStatus), nodeStatus, extras(resources, now), clusterStatus)) {
        out.add(withNodeExtras(r));
      }
      out.addAll(diskTier.resources(online));
      if (clusterTier.ceph() != null) {
        out.add(clusterTier.ceph());
      }
      return CollectionResult.success(out).withWarnings(privileges.warnings());
    } catch (ProxmoxApiException e) {
      return CollectionResult.failure(e.getMessage());
    }
  }

  /** Adds to a node what the slower tiers know: pending updates and the HA stack's state. */
  private ObservedResource withNodeExtras(ObservedResource r) {
    var proxmox = r.facets().proxmox();
    if (proxmox == null || proxmox.vmid() != null) {
      return r;
    }
    var facets = r.facets().withCluster(clusterTier.withHa(r.facets().cluster()));
    Integer updates = diskTier.pendingUpdates(proxmox.node());
    if (facets.host() != null && updates != null) {
      facets = facets.withHost(facets.host().withPendingUpdates(updates));
    }
    return r.withFacets(facets);
  }

  private static boolean due(Instant last, Duration every, Instant now) {
    return last == null || Duration.between(last, now).compareTo(every) >= 0;
  }

  private Map<String, GuestExtras> extras(JsonNode resources, Instant now) {
    Map<String, GuestExtras> extras = new HashMap<>();
    Set<String> live = new HashSet<>();
    for (JsonNode item : resources) {
      String type = PveJson.text(item, "type");
      Integer vmid = PveJson.integer(item, "vmid");
      if (vmid == null || !("qemu".equals(type) || "lxc".equals(type))) {
        continue;
      }
      String key = PveMapper.guestKey(type, vmid);
      live.add(key + "/");
      Long uptime = PveJson.whole(item, "uptime");
      boolean running = "running".equals(PveJson.text(item, "status"));
      extras.put(key, new GuestExtras(
          rates.rate(key + "/netin", running ? PveJson.whole(item, "netin") : null, uptime, now),
          rates.rate(key + "/netout", running ? PveJson.whole(item, "netout") : null, uptime, now),
          rates.rate(key + "/diskread", running ? PveJson.whole(item, "diskread") : null, uptime, now),
          rates.rate(key + "/diskwrite", running ? PveJson.whole(item, "diskwrite") : null, uptime, now),
          guestTier.balloon(key), guestTier.agent(key), clusterTier.protection(key)));
    }
    rates.retainOnly(live);
    return extras;
  }

  private static List<String> onlineNodes(JsonNode resources) {
    List<String> online = new ArrayList<>();
    for (JsonNode item : resources) {
      String node = PveJson.text(item, "node");
      if ("node".equals(PveJson.text(item, "type")) && "online".equals(PveJson.text(item, "status")) && node != null) {
        online.add(node);
      }
    }
    return online;
  }

  private static Map<String, String> nodeIps(JsonNode clusterStatus) {
    Map<String, String> ips = new HashMap<>();
    for (JsonNode entry : clusterStatus) {
      String node = PveJson.text(entry, "name");
      String ip = PveJson.text(entry, "ip");
      if ("node".equals(PveJson.text(entry, "type")) && node != null && ip != null) {
        ips.put(node, ip);
      }
    }
    return ips;
  }

  /** Asks every online node at once: a slow node is left out instead of delaying the others. */
  private Map<String, JsonNode> nodeStatuses(List<String> online) throws ProxmoxApiException {
    Map<String, JsonNode> byPath = client.getEachBehindEndpoint(online.stream().map(n -> "/nodes/" + n + "/status").toList());
    Map<String, JsonNode> nodeStatus = new HashMap<>();
    for (String node : online) {
      JsonNode status = byPath.get("/nodes/" + node + "/status");
      if (status != null) {
        nodeStatus.put(node, status);
      } else {
        LOG.debug("{}: status of node {} did not arrive in time; keeping /cluster/resources figures", name, node);
      }
    }
    return nodeStatus;
  }


}
