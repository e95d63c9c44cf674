package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.StorageFacet;
import dev.pulse.domain.resource.TrueNasFacet;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.resource.ZfsPoolFacet;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps TrueNAS pools, with their vdev trees, to {@code storage} resources: status, summed
 * read/write/checksum errors, last scan, and each disk's state in its pool. Pure. Internal: not API.
 */
final class TrueNasPools {

  private TrueNasPools() {}

  /**
   * A pool from {@code pool.query}, or the boot pool from {@code boot.get_state}, which names its vdev
   * groups {@code groups}, its vdev types in lower case and its sizes under {@code properties}. The
   * boot pool's usage is allocated over size: right for its single disk or mirror, whose size counts
   * no parity (a data pool's raw size does, so its usage comes from its root dataset or stays unknown).
   */
  static ObservedResource pool(JsonNode p, JsonNode root, boolean boot, String hostname, Map<String, String> diskState) {
    String name = p.path("name").asText();
    String status = p.path("status").asText("UNKNOWN");
    List<TrueNasFacet.Vdev> vdevs = new ArrayList<>();
    long[] errors = new long[3];
    JsonNode topology = p.has("topology") ? p.path("topology") : p.path("groups");
    for (String group : List.of("data", "log", "cache", "spare", "special", "dedup")) {
      for (JsonNode v : topology.path(group)) {
        vdevs.add(vdev(v, errors, diskState));
      }
    }
    JsonNode scan = p.path("scan");
    TrueNasFacet.Scan lastScan = scan.isObject() ? new TrueNasFacet.Scan(scan.path("function").asText(""), scan.path("state").asText(""),
        scan.path("percentage").isNumber() ? scan.path("percentage").asDouble() : null, TrueNasMapper.date(scan.path("end_time")),
        scan.path("errors").asLong(0)) : null;
    Integer fragmentation = TrueNasMapper.integer(p.path("fragmentation"));
    Long size = p.has("size") ? TrueNasMapper.number(p.path("size")) : TrueNasMapper.number(p.at("/properties/size/parsed"));
    Long allocated = p.has("allocated") ? TrueNasMapper.number(p.path("allocated")) : TrueNasMapper.number(p.at("/properties/allocated/parsed"));
    TrueNasFacet.Pool facet = new TrueNasFacet.Pool(status, TrueNasMapper.text(p.path("status_detail")), size, allocated, fragmentation,
        errors[0], errors[1], errors[2], lastScan, vdevs);
    ResourceStatus mapped = switch (status) {
      case "ONLINE" -> errors[0] + errors[1] + errors[2] > 0 ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
      case "DEGRADED" -> ResourceStatus.WARNING;
      case "FAULTED", "OFFLINE", "UNAVAIL", "REMOVED" -> ResourceStatus.OFFLINE;
      default -> ResourceStatus.UNKNOWN;
    };
    UsageMetric usage = boot ? UsageMetric.of(allocated, size, TrueNasMapper.PLATFORM) : null;
    if (root != null) {
      Long used = TrueNasMapper.number(root.at("/used/parsed"));
      Long available = TrueNasMapper.number(root.at("/available/parsed"));
      usage = used == null || available == null ? null : UsageMetric.of(used, used + available, TrueNasMapper.PLATFORM);
    }
    return new ObservedResource(SourceKeys.of("pool-", name), ResourceType.STORAGE, name, mapped, TrueNasMapper.SYSTEM_KEY, Identity.EMPTY,
        Metrics.of(null, null, usage), List.of(), Facets.NONE.withStorage(new StorageFacet("zfs", false, List.of(), List.of(hostname)))
            .withZfs(new ZfsPoolFacet(hostname, status, fragmentation, null, errors[0], errors[1], errors[2]))
            .withTruenas(TrueNasFacet.ofPool(facet)));
  }

  private static TrueNasFacet.Vdev vdev(JsonNode v, long[] errors, Map<String, String> diskState) {
    JsonNode stats = v.path("stats");
    long read = stats.path("read_errors").asLong(0);
    long write = stats.path("write_errors").asLong(0);
    long checksum = stats.path("checksum_errors").asLong(0);
    errors[0] += read;
    errors[1] += write;
    errors[2] += checksum;
    String disk = TrueNasMapper.text(v.path("disk"));
    if (disk == null) {
      disk = TrueNasMapper.text(v.path("unavail_disk").path("devname"));
    }
    String status = v.path("status").asText("UNKNOWN");
    String type = v.path("type").asText("").toUpperCase(Locale.ROOT);
    if (disk != null && type.equals("DISK")) {
      diskState.put(disk, status);
    }
    List<TrueNasFacet.Vdev> children = new ArrayList<>();
    for (JsonNode c : v.path("children")) {
      children.add(vdev(c, errors, diskState));
    }
    String name = v.path("name").asText(disk != null ? disk : v.path("type").asText());
    return new TrueNasFacet.Vdev(name, type, status, disk, read, write, checksum, children);
  }

}
