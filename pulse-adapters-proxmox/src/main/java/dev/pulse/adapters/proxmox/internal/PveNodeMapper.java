package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.ClusterFacet;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.HostFacet;
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
 * Maps a PVE node: figures from {@code /nodes/{node}/status} when it answered (falling back to
 * {@code /cluster/resources}), host facts from the same answer, and nothing made up for an offline
 * node. Pure. Internal: not API.
 */
final class PveNodeMapper {

  private static final String PLATFORM = PveMapper.PLATFORM;

  private PveNodeMapper() {}

  /** The cluster as {@code /cluster/status} describes it; a standalone node has no cluster entry. */
  static ClusterFacet cluster(JsonNode clusterStatus) {
    String name = null;
    boolean quorate = true;
    int nodes = 0;
    int online = 0;
    for (JsonNode entry : clusterStatus) {
      String type = text(entry, "type");
      if ("cluster".equals(type)) {
        name = text(entry, "name");
        quorate = PveJson.flag(entry, "quorate");
      } else if ("node".equals(type)) {
        nodes++;
        online += PveJson.flag(entry, "online") ? 1 : 0;
      }
    }
    return new ClusterFacet(name, quorate, nodes, online, null, null);
  }

  static ObservedResource node(JsonNode item, Map<String, String> nodeIps, JsonNode status, ClusterFacet cluster) {
    String name = text(item, "node");
    String raw = text(item, "status");
    boolean online = "online".equals(raw);
    Integer threads = integer(item, "maxcpu");
    Metrics metrics = Metrics.UNKNOWN;
    HostFacet host = null;
    if (online) {
      Double cpu = status != null && number(status, "cpu") != null ? number(status, "cpu") : number(item, "cpu");
      JsonNode memory = status != null ? status.get("memory") : null;
      JsonNode rootfs = status != null ? status.get("rootfs") : null;
      JsonNode swap = status != null ? status.get("swap") : null;
      UsageMetric mem = memory != null
          ? UsageMetric.of(whole(memory, "used"), whole(memory, "total"), PLATFORM)
          : UsageMetric.of(whole(item, "mem"), whole(item, "maxmem"), PLATFORM);
      UsageMetric disk = rootfs != null
          ? UsageMetric.of(whole(rootfs, "used"), whole(rootfs, "total"), PLATFORM)
          : UsageMetric.of(whole(item, "disk"), whole(item, "maxdisk"), PLATFORM);
      metrics = Metrics.of(cpu == null ? null : CpuMetric.fromFraction(cpu, threads == null ? 0 : threads, PLATFORM), mem, disk)
          .withSwap(swap == null ? null : UsageMetric.of(whole(swap, "used"), whole(swap, "total"), PLATFORM));
      host = status == null ? null : host(status, memory);
    }
    String ip = nodeIps.get(name);
    Identity identity = new Identity(null, null, List.of(name), ip == null ? List.of() : List.of(ip), List.of());
    ProxmoxFacet facet = new ProxmoxFacet(name, null, false, null, text(item, "hastate"), null,
        raw == null ? "unknown" : raw, online ? whole(item, "uptime") : null);
    ResourceStatus mapped = online ? ResourceStatus.ONLINE : "offline".equals(raw) ? ResourceStatus.OFFLINE : ResourceStatus.UNKNOWN;
    return new ObservedResource(PveMapper.nodeKey(name), ResourceType.AGENT, name, mapped, null, identity, metrics, List.of(),
        Facets.of(facet).withHost(host).withCluster(cluster));
  }

  private static HostFacet host(JsonNode status, JsonNode memory) {
    JsonNode cpuinfo = status.path("cpuinfo");
    List<Double> load = new ArrayList<>();
    JsonNode loadavg = status.path("loadavg");
    for (int i = 0; i < loadavg.size(); i++) {
      Double v = PveJson.number(loadavg, i);
      if (v == null) {
        load.clear();
        break;
      }
      load.add(v);
    }
    Long available = memory == null ? null : whole(memory, "available") != null ? whole(memory, "available") : whole(memory, "avail");
    String kernel = text(status.path("current-kernel"), "release");
    if (kernel == null && text(status, "kversion") != null) {
      String[] parts = text(status, "kversion").split("\\s+");
      kernel = parts.length > 1 ? parts[1] : parts[0];
    }
    return new HostFacet(kernel, text(status, "pveversion"), text(cpuinfo, "model"), integer(cpuinfo, "sockets"),
        integer(cpuinfo, "cores"), integer(cpuinfo, "cpus"), load, available, text(status.path("boot-info"), "mode"), null);
  }
}
