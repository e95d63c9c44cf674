package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.flag;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.StorageFacet;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps PVE storage entries. PVE lists each storage once per node; a shared one ({@code shared:1})
 * becomes one resource that names every node, a local one a resource per node. An inactive entry
 * ({@code status:"unknown"}, no size fields) has unknown usage. Internal: not API.
 */
final class PveStorageMapper {

  private PveStorageMapper() {}

  static List<ObservedResource> map(List<JsonNode> entries) {
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    for (JsonNode e : entries) {
      String storage = text(e, "storage");
      String node = text(e, "node");
      if (storage == null || node == null) {
        continue;
      }
      String key = flag(e, "shared") ? "storage-" + storage : "storage-" + storage + "@" + node;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<ObservedResource> out = new ArrayList<>();
    byKey.forEach((key, group) -> out.add(storage(key, group)));
    return out;
  }

  private static ObservedResource storage(String key, List<JsonNode> group) {
    JsonNode first = group.get(0);
    boolean shared = flag(first, "shared");
    JsonNode active = group.stream().filter(e -> "available".equals(text(e, "status"))).findFirst().orElse(null);
    UsageMetric disk = active == null ? null
        : UsageMetric.of(whole(active, "disk"), whole(active, "maxdisk"), PveMapper.PLATFORM);
    List<String> nodes = group.stream().map(e -> text(e, "node")).distinct().toList();
    String content = text(first, "content");
    StorageFacet facet = new StorageFacet(text(first, "plugintype") == null ? "unknown" : text(first, "plugintype"), shared,
        content == null ? List.of() : Arrays.stream(content.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        nodes);
    return new ObservedResource(key, ResourceType.STORAGE, text(first, "storage"),
        active != null ? ResourceStatus.ONLINE : ResourceStatus.OFFLINE,
        shared ? null : PveMapper.nodeKey(nodes.get(0)), Identity.EMPTY, Metrics.of(null, null, disk), List.of(), Facets.NONE.withStorage(facet));
  }
}
