package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.flag;
import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.GuestFacet;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ProxmoxFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps PVE's {@code /cluster/resources}, {@code /cluster/status} and {@code /nodes/{node}/status}
 * answers to observed resources, with units made explicit: CPU fractions become percentages,
 * sizes stay bytes, and what PVE does not know (a qemu guest's disk use without its agent, an
 * offline node's figures) stays unknown. Pure. Internal: not API.
 */
public final class PveMapper {

  public static final String PLATFORM = "proxmox";

  private PveMapper() {}

  /**
   * @param resources {@code /cluster/resources} items
   * @param nodeIps node name → IP, from {@code /cluster/status}
   * @param nodeStatus node name → {@code /nodes/{node}/status}, for the nodes that answered
   * @param extras guest key ({@code qemu-100}) → what the collector knows beyond these answers
   */
  public static List<ObservedResource> map(JsonNode resources, Map<String, String> nodeIps, Map<String, JsonNode> nodeStatus,
      Map<String, GuestExtras> extras) {
    return map(resources, nodeIps, nodeStatus, extras, null);
  }

  /**
   * @param clusterStatus {@code /cluster/status}, for the nodes' cluster facet, or {@code null}
   */
  public static List<ObservedResource> map(JsonNode resources, Map<String, String> nodeIps, Map<String, JsonNode> nodeStatus,
      Map<String, GuestExtras> extras, JsonNode clusterStatus) {
    var cluster = clusterStatus == null ? null : PveNodeMapper.cluster(clusterStatus);
    List<ObservedResource> out = new ArrayList<>(resources.size());
    List<JsonNode> storages = new ArrayList<>();
    Map<String, String> nodeKeys = new HashMap<>(); // one "node-x" string per node, not one per guest
    for (JsonNode item : resources) {
      String type = text(item, "type");
      if (type == null) {
        continue;
      }
      switch (type) {
        case "node" -> out.add(PveNodeMapper.node(item, nodeIps, nodeStatus.get(text(item, "node")), cluster));
        case "qemu", "lxc" -> {
          ObservedResource guest = guest(item, type, extras, nodeKeys);
          if (guest != null) {
            out.add(guest);
          }
        }
        case "storage" -> storages.add(item);
        default -> { } // pool, sdn, network, openvz: not resources of ours (yet)
      }
    }
    out.addAll(PveStorageMapper.map(storages));
    return out;
  }

  /** Without anything beyond the API's answers. */
  public static List<ObservedResource> map(JsonNode resources, Map<String, String> nodeIps, Map<String, JsonNode> nodeStatus) {
    return map(resources, nodeIps, nodeStatus, Map.of());
  }

  static String nodeKey(String node) {
    return "node-" + node;
  }

  /** The source key of a guest: {@code qemu-100} or {@code lxc-101}. */
  public static String guestKey(String type, int vmid) {
    return type + "-" + vmid;
  }

  private static ObservedResource guest(JsonNode item, String type, Map<String, GuestExtras> allExtras,
      Map<String, String> nodeKeys) {
    Integer vmid = integer(item, "vmid");
    String node = text(item, "node");
    if (vmid == null || node == null) {
      return null;
    }
    boolean qemu = type.equals("qemu");
    String key = guestKey(type, vmid);
    GuestExtras extras = allExtras.getOrDefault(key, GuestExtras.NONE);
    String raw = text(item, "status") == null ? "unknown" : text(item, "status");
    String name = text(item, "name") != null ? text(item, "name") : (qemu ? "VM " + vmid : "CT" + vmid);
    boolean running = raw.equals("running");
    Metrics metrics = Metrics.UNKNOWN;
    if (running) {
      Double cpu = number(item, "cpu");
      Integer cores = integer(item, "maxcpu");
      metrics = new Metrics(cpu == null ? null : CpuMetric.fromFraction(cpu, cores == null ? 0 : cores, PLATFORM),
          memory(item, extras.balloonBytes()), qemu ? agentDisk(extras.agent()) : UsageMetric.of(whole(item, "disk"), whole(item, "maxdisk"), PLATFORM),
          null, extras.netIn(), extras.netOut(), extras.diskRead(), extras.diskWrite());
    }
    ProxmoxFacet facet = new ProxmoxFacet(node, vmid, flag(item, "template"), text(item, "lock"), text(item, "hastate"),
        text(item, "pool"), raw, running ? whole(item, "uptime") : null);
    GuestFacet agent = extras.agent();
    List<String> ips = agent == null ? List.of() : agent.ips();
    Identity identity = new Identity(null, null, text(item, "name") != null ? List.of(name) : List.of(), ips, List.of());
    return new ObservedResource(key, qemu ? ResourceType.VM : ResourceType.SYSTEM_CONTAINER, name,
        guestStatus(raw), nodeKeys.computeIfAbsent(node, PveMapper::nodeKey), identity, metrics, PveJson.tags(item),
        new Facets(facet, null, null, agent, null, null, null, null, null, null, extras.protection(), null, null, null, null, null));
  }

  /**
   * Memory against the balloon's current size when the driver reports it (the guest cannot use
   * more), else against the configured maximum.
   */
  private static UsageMetric memory(JsonNode item, Long balloonBytes) {
    Long used = whole(item, "mem");
    Long max = whole(item, "maxmem");
    Long total = balloonBytes != null && balloonBytes > 0 && used != null && used <= balloonBytes ? balloonBytes : max;
    return UsageMetric.of(used, total, PLATFORM);
  }

  /** A qemu guest's disk use from its agent's filesystems; unknown without the agent (PVE sends 0). */
  private static UsageMetric agentDisk(GuestFacet agent) {
    if (agent == null || agent.filesystems().isEmpty()) {
      return null;
    }
    long used = agent.filesystems().stream().mapToLong(GuestFacet.Filesystem::usedBytes).sum();
    long total = agent.filesystems().stream().mapToLong(GuestFacet.Filesystem::totalBytes).sum();
    return UsageMetric.of(used, total, PLATFORM + "-agent");
  }

  private static ResourceStatus guestStatus(String raw) {
    return switch (raw) {
      case "running" -> ResourceStatus.ONLINE;
      case "stopped" -> ResourceStatus.OFFLINE;
      case "paused" -> ResourceStatus.WARNING;
      default -> ResourceStatus.UNKNOWN;
    };
  }
}
