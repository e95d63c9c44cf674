package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.GuestFacet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow tier for guests: balloon sizes ({@code /nodes/{n}/qemu?full=1}, one request per node),
 * the QEMU guest agent of running VMs ({@code get-fsinfo}, {@code network-get-interfaces}, {@code
 * get-osinfo}) and LXC addresses ({@code /lxc/{vmid}/interfaces}). A guest whose agent does not
 * answer is left alone for 5 minutes, doubling to an hour; agent errors never count against the
 * endpoint or the node. Keeps what it learned between refreshes. Not thread-safe: one per
 * collector. Internal: not API.
 */
public final class PveGuestTier {

  private static final Logger LOG = LoggerFactory.getLogger(PveGuestTier.class);

  private final Backoff agentBackoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1));
  private Map<String, Long> balloons = Map.of();
  private final Map<String, GuestFacet> agents = new HashMap<>();

  /**
   * Re-reads balloons and agents for the guests in {@code resources} ({@code /cluster/resources})
   * on the given nodes; guests on other nodes keep what was known.
   */
  public void refresh(ProxmoxApiClient client, JsonNode resources, List<String> onlineNodes, Instant now) {
    Map<String, Long> newBalloons = new HashMap<>();
    for (String node : onlineNodes) {
      try {
        for (JsonNode vm : client.getBehindEndpoint("/nodes/" + node + "/qemu?full=1")) {
          Integer vmid = PveJson.integer(vm, "vmid");
          Long actual = PveJson.whole(vm.path("ballooninfo"), "actual");
          if (vmid != null && actual != null) {
            newBalloons.put(PveMapper.guestKey("qemu", vmid), actual);
          }
        }
      } catch (ProxmoxApiException e) {
        LOG.debug("guest list of node {} unavailable: {}", node, e.getMessage());
      }
    }
    for (JsonNode item : resources) { // guests on nodes not asked this time keep their balloon size
      Integer vmid = PveJson.integer(item, "vmid");
      String key = vmid == null ? null : PveMapper.guestKey("qemu", vmid);
      if (key != null && "qemu".equals(PveJson.text(item, "type")) && !onlineNodes.contains(PveJson.text(item, "node"))
          && balloons.containsKey(key)) {
        newBalloons.put(key, balloons.get(key));
      }
    }
    balloons = newBalloons;
    Map<String, GuestFacet> seen = new HashMap<>();
    for (JsonNode item : resources) {
      String type = PveJson.text(item, "type");
      Integer vmid = PveJson.integer(item, "vmid");
      String node = PveJson.text(item, "node");
      if (vmid == null || node == null || !"running".equals(PveJson.text(item, "status")) || PveJson.flag(item, "template")) {
        continue;
      }
      if (!onlineNodes.contains(node)) {
        keepKnown(seen, PveMapper.guestKey(type == null ? "qemu" : type, vmid));
        continue;
      }
      String key;
      if ("qemu".equals(type)) {
        key = PveMapper.guestKey("qemu", vmid);
        if (agentBackoff.due(key, now)) {
          seen.put(key, readAgent(client, node, vmid, key, now));
        } else if (agents.containsKey(key)) {
          seen.put(key, agents.get(key));
        }
      } else if ("lxc".equals(type)) {
        key = PveMapper.guestKey("lxc", vmid);
        if (agentBackoff.due(key, now)) {
          seen.put(key, readContainer(client, node, vmid, key, now));
        } else if (agents.containsKey(key)) {
          seen.put(key, agents.get(key));
        }
      }
    }
    agents.clear();
    seen.forEach((k, v) -> {
      if (v != null) {
        agents.put(k, v);
      }
    });
  }

  private void keepKnown(Map<String, GuestFacet> seen, String key) {
    if (agents.containsKey(key)) {
      seen.put(key, agents.get(key));
    }
  }

  public Long balloon(String guestKey) {
    return balloons.get(guestKey);
  }

  public GuestFacet agent(String guestKey) {
    return agents.get(guestKey);
  }

  private GuestFacet readAgent(ProxmoxApiClient client, String node, int vmid, String key, Instant now) {
    String base = "/nodes/" + node + "/qemu/" + vmid + "/agent/";
    try {
      List<String> ips = AgentParser.addresses(client.getBehindEndpoint(base + "network-get-interfaces"));
      List<GuestFacet.Filesystem> filesystems = AgentParser.filesystems(client.getBehindEndpoint(base + "get-fsinfo"));
      String os = null;
      try {
        os = AgentParser.osName(client.getBehindEndpoint(base + "get-osinfo"));
      } catch (ProxmoxApiException e) {
        LOG.debug("agent of {} has no get-osinfo: {}", key, e.getMessage()); // old agents lack it
      }
      agentBackoff.succeeded(key);
      return new GuestFacet(os, ips, filesystems, "running");
    } catch (ProxmoxApiException e) {
      agentBackoff.failed(key, now); // not configured, not running or timing out: ask again later
      return new GuestFacet(null, List.of(), List.of(), "unavailable");
    }
  }

  private GuestFacet readContainer(ProxmoxApiClient client, String node, int vmid, String key, Instant now) {
    try {
      List<String> ips = AgentParser.containerAddresses(client.getBehindEndpoint("/nodes/" + node + "/lxc/" + vmid + "/interfaces"));
      agentBackoff.succeeded(key);
      return new GuestFacet(null, ips, List.of(), "not-applicable");
    } catch (ProxmoxApiException e) {
      agentBackoff.failed(key, now); // PVE before 8.1 has no such endpoint
      return null;
    }
  }
}
