package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.resource.ZfsPoolFacet;
import dev.pulse.domain.source.ObservedResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 5-minute tier: physical disks ({@code /disks/list}, then {@code /disks/smart} per disk for
 * its temperature), ZFS pools ({@code /disks/zfs}, then the pool's device tree for its error
 * counters) and pending updates ({@code /apt/update}), per online node. A node that does not answer keeps what was read from it before.
 * Not thread-safe: one per collector. Internal: not API.
 */
public final class PveDiskTier {

  private static final Pattern NVME_TEMPERATURE = Pattern.compile("Temperature:\\s+(\\d+)\\s+Celsius");
  private static final Pattern KEY_UNSAFE = Pattern.compile("[^A-Za-z0-9._@-]");

  private final Map<String, List<ObservedResource>> byNode = new HashMap<>();
  private final Map<String, Integer> pendingUpdates = new HashMap<>();

  /** Re-reads the given nodes; others keep what they reported before. */
  public void refresh(ProxmoxApiClient client, List<String> nodes) {
    for (String node : nodes) {
      try {
        List<ObservedResource> found = new ArrayList<>();
        for (JsonNode disk : client.getBehindEndpoint("/nodes/" + node + "/disks/list")) {
          ObservedResource r = disk(client, node, disk);
          if (r != null) {
            found.add(r);
          }
        }
        for (JsonNode pool : client.getBehindEndpoint("/nodes/" + node + "/disks/zfs")) {
          ObservedResource r = pool(client, node, pool);
          if (r != null) {
            found.add(r);
          }
        }
        byNode.put(node, found);
      } catch (ProxmoxApiException e) {
        // keep what the node reported before; a node that is busy now may answer next time
      }
      try {
        pendingUpdates.put(node, client.getBehindEndpoint("/nodes/" + node + "/apt/update").size());
      } catch (ProxmoxApiException e) {
        // the count stays as it was (unknown if never read)
      }
    }
  }

  /** Packages waiting for an update on the node ({@code /apt/update}), {@code null} when not read. */
  public Integer pendingUpdates(String node) {
    return pendingUpdates.get(node);
  }

  /** Everything known, including nodes that are offline now (their disks go unknown). */
  public List<ObservedResource> resources(List<String> onlineNodes) {
    List<ObservedResource> out = new ArrayList<>();
    byNode.forEach((node, list) -> list.forEach(r ->
        out.add(onlineNodes.contains(node) ? r : r.withStatus(ResourceStatus.UNKNOWN))));
    return out;
  }

  private static ObservedResource disk(ProxmoxApiClient client, String node, JsonNode d) {
    String devpath = text(d, "devpath");
    if (devpath == null) {
      return null;
    }
    String health = text(d, "health") == null ? "UNKNOWN" : text(d, "health").toUpperCase(Locale.ROOT);
    Integer wearout = integer(d, "wearout"); // "N/A" for HDDs reads as null
    Integer temperature = temperature(client, node, devpath);
    String type = text(d, "type") == null ? "unknown" : text(d, "type");
    Integer rpm = integer(d, "rpm");
    DiskFacet facet = new DiskFacet(node, devpath, text(d, "model"), text(d, "serial"), type, whole(d, "size"), health,
        wearout, temperature, rpm == null || rpm < 0 ? null : rpm, text(d, "used"));
    ResourceStatus status = switch (health) {
      case "PASSED", "OK" -> wearout != null && wearout <= 10 ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
      case "FAILED" -> ResourceStatus.WARNING;
      default -> ResourceStatus.UNKNOWN;
    };
    String name = devpath.substring(devpath.lastIndexOf('/') + 1);
    String model = text(d, "model");
    return new ObservedResource(key("disk-" + node + "-" + name), ResourceType.PHYSICAL_DISK,
        node + " " + name + (model == null ? "" : " (" + model + ")"), status, PveMapper.nodeKey(node), Identity.EMPTY,
        Metrics.UNKNOWN, List.of(), Facets.NONE.withDisk(facet));
  }

  private static Integer temperature(ProxmoxApiClient client, String node, String devpath) {
    try {
      JsonNode smart = client.getBehindEndpoint("/nodes/" + node + "/disks/smart?disk="
          + URLEncoder.encode(devpath, StandardCharsets.UTF_8));
      for (JsonNode attr : smart.path("attributes")) {
        Integer id = integer(attr, "id"); // "  5": padded strings
        if (id != null && (id == 194 || id == 190)) {
          String raw = text(attr, "raw");
          if (raw != null) {
            Matcher m = Pattern.compile("^(\\d+)").matcher(raw.strip());
            if (m.find()) {
              return Integer.valueOf(m.group(1));
            }
          }
        }
      }
      String text = text(smart, "text");
      if (text != null) {
        Matcher m = NVME_TEMPERATURE.matcher(text);
        if (m.find()) {
          return Integer.valueOf(m.group(1));
        }
      }
    } catch (ProxmoxApiException | NumberFormatException e) {
      // SMART is optional: the temperature stays unknown
    }
    return null;
  }

  private static ObservedResource pool(ProxmoxApiClient client, String node, JsonNode p) {
    String name = text(p, "name");
    if (name == null) {
      return null;
    }
    String health = text(p, "health") == null ? "UNKNOWN" : text(p, "health").toUpperCase(Locale.ROOT);
    long[] errors = null;
    try {
      errors = new long[3];
      sumErrors(client.getBehindEndpoint("/nodes/" + node + "/disks/zfs/" + URLEncoder.encode(name, StandardCharsets.UTF_8)), errors);
    } catch (ProxmoxApiException e) {
      errors = null;
    }
    Double frag = number(p, "frag");
    ZfsPoolFacet facet = new ZfsPoolFacet(node, health, frag == null ? null : (int) Math.round(frag), number(p, "dedup"),
        errors == null ? null : errors[0], errors == null ? null : errors[1], errors == null ? null : errors[2]);
    boolean errorsSeen = errors != null && (errors[0] + errors[1] + errors[2]) > 0;
    ResourceStatus status = switch (health) {
      case "ONLINE" -> errorsSeen ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
      case "DEGRADED" -> ResourceStatus.WARNING;
      case "FAULTED", "UNAVAIL", "SUSPENDED", "REMOVED", "OFFLINE" -> ResourceStatus.OFFLINE;
      default -> ResourceStatus.UNKNOWN;
    };
    return new ObservedResource(key("zfs-" + name + "@" + node), ResourceType.ZFS_POOL, name + " (" + node + ")", status,
        PveMapper.nodeKey(node), Identity.EMPTY,
        Metrics.of(null, null, UsageMetric.of(whole(p, "alloc"), whole(p, "size"), PveMapper.PLATFORM)), List.of(),
        Facets.NONE.withZfs(facet));
  }

  /** Sums read, write and checksum errors over the device tree's leaves. */
  private static void sumErrors(JsonNode tree, long[] sums) {
    JsonNode children = tree.path("children");
    if (children.isArray() && children.size() > 0) {
      children.forEach(c -> sumErrors(c, sums));
      return;
    }
    Long read = whole(tree, "read");
    Long write = whole(tree, "write");
    Long cksum = whole(tree, "cksum");
    sums[0] += read == null ? 0 : read;
    sums[1] += write == null ? 0 : write;
    sums[2] += cksum == null ? 0 : cksum;
  }

  private static String key(String raw) {
    return KEY_UNSAFE.matcher(raw).replaceAll("_");
  }
}
