package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.flag;
import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ProxmoxFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps PVE's {@code /cluster/resources}, {@code /cluster/status} and {@code /nodes/{node}/status}
 * answers to observed resources, with units made explicit: CPU fractions become percentages,
 * sizes stay bytes, and what PVE does not know (a qemu guest's disk use, an offline node's
 * figures) stays unknown. Pure. Internal: not API.
 */
public final class PveMapper {

  public static final String PLATFORM = "proxmox";

  private PveMapper() {}

  /**
   * @param resources {@code /cluster/resources} items
   * @param nodeIps node name → IP, from {@code /cluster/status}
   * @param nodeStatus node name → {@code /nodes/{node}/status}, for the nodes that answered
   */
  public static List<ObservedResource> map(JsonNode resources, Map<String, String> nodeIps, Map<String, JsonNode> nodeStatus) {
    List<ObservedResource> out = new ArrayList<>();
    List<JsonNode> storages = new ArrayList<>();
    for (JsonNode item : resources) {
      String type = text(item, "type");
      if (type == null) {
        continue;
      }
      switch (type) {
        case "node" -> out.add(node(item, nodeIps, nodeStatus.get(text(item, "node"))));
        case "qemu", "lxc" -> {
          ObservedResource guest = guest(item, type);
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

  static String nodeKey(String node) {
    return "node-" + node;
  }

  private static ObservedResource node(JsonNode item, Map<String, String> nodeIps, JsonNode status) {
    String name = text(item, "node");
    String raw = text(item, "status");
    boolean online = "online".equals(raw);
    Integer threads = integer(item, "maxcpu");
    Metrics metrics = Metrics.UNKNOWN;
    if (online) {
      Double cpu = status != null && number(status, "cpu") != null ? number(status, "cpu") : number(item, "cpu");
      JsonNode memory = status != null ? status.get("memory") : null;
      JsonNode rootfs = status != null ? status.get("rootfs") : null;
      UsageMetric mem = memory != null
          ? UsageMetric.of(whole(memory, "used"), whole(memory, "total"), PLATFORM)
          : UsageMetric.of(whole(item, "mem"), whole(item, "maxmem"), PLATFORM);
      UsageMetric disk = rootfs != null
          ? UsageMetric.of(whole(rootfs, "used"), whole(rootfs, "total"), PLATFORM)
          : UsageMetric.of(whole(item, "disk"), whole(item, "maxdisk"), PLATFORM);
      metrics = new Metrics(cpu == null ? null : CpuMetric.fromFraction(cpu, threads == null ? 0 : threads, PLATFORM), mem, disk);
    }
    String ip = nodeIps.get(name);
    Identity identity = new Identity(null, null, List.of(name), ip == null ? List.of() : List.of(ip), List.of());
    ProxmoxFacet facet = new ProxmoxFacet(name, null, false, null, text(item, "hastate"), null,
        raw == null ? "unknown" : raw, online ? whole(item, "uptime") : null);
    ResourceStatus mapped = online ? ResourceStatus.ONLINE : "offline".equals(raw) ? ResourceStatus.OFFLINE : ResourceStatus.UNKNOWN;
    return new ObservedResource(nodeKey(name), ResourceType.AGENT, name, mapped, null, identity, metrics, List.of(), facet, null);
  }

  private static ObservedResource guest(JsonNode item, String type) {
    Integer vmid = integer(item, "vmid");
    String node = text(item, "node");
    if (vmid == null || node == null) {
      return null;
    }
    boolean qemu = type.equals("qemu");
    String raw = text(item, "status") == null ? "unknown" : text(item, "status");
    String name = text(item, "name") != null ? text(item, "name") : (qemu ? "VM " + vmid : "CT" + vmid);
    boolean running = raw.equals("running");
    Metrics metrics = Metrics.UNKNOWN;
    if (running) {
      Double cpu = number(item, "cpu");
      Integer cores = integer(item, "maxcpu");
      UsageMetric disk = qemu ? null : UsageMetric.of(whole(item, "disk"), whole(item, "maxdisk"), PLATFORM); // qemu disk is always 0
      metrics = new Metrics(cpu == null ? null : CpuMetric.fromFraction(cpu, cores == null ? 0 : cores, PLATFORM),
          UsageMetric.of(whole(item, "mem"), whole(item, "maxmem"), PLATFORM), disk);
    }
    ProxmoxFacet facet = new ProxmoxFacet(node, vmid, flag(item, "template"), text(item, "lock"), text(item, "hastate"),
        text(item, "pool"), raw, running ? whole(item, "uptime") : null);
    return new ObservedResource(type + "-" + vmid, qemu ? ResourceType.VM : ResourceType.SYSTEM_CONTAINER, name,
        guestStatus(raw), nodeKey(node), text(item, "name") != null ? Identity.ofHostname(name) : Identity.EMPTY, metrics, PveJson.tags(item), facet, null);
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
