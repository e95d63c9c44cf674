package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.DatastoreFacet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The backup groups of a PBS server's datastores, each with its latest snapshot. Group lists are
 * cheap and read every slow cycle; snapshot lists are read one group per request, at most {@code
 * maxSnapshotReads} per cycle, groups with a new backup first and then the rest in turn, so that a
 * datastore with thousands of groups never blocks a cycle. Not thread-safe: one per collector.
 * Internal: not API.
 */
public final class PbsGroupTier {

  private record Latest(long backupTime, Long size, String verification, boolean isProtected, String comment) {}

  private final int maxSnapshotReads;
  private final Map<String, List<JsonNode>> groupsByStore = new HashMap<>();
  private final Map<String, Latest> latest = new HashMap<>();
  private final Map<String, Long> readAtBackup = new HashMap<>();
  private final LinkedHashSet<String> rotation = new LinkedHashSet<>();

  public PbsGroupTier(int maxSnapshotReads) {
    this.maxSnapshotReads = maxSnapshotReads;
  }

  public void refresh(ProxmoxApiClient client, List<String> stores) {
    groupsByStore.keySet().retainAll(stores);
    Map<String, JsonNode> due = new HashMap<>();
    for (String store : stores) {
      List<JsonNode> groups = new ArrayList<>();
      try {
        for (String namespace : namespaces(client, store)) {
          String query = namespace.isEmpty() ? "" : "?ns=" + enc(namespace);
          for (JsonNode g : client.get("/admin/datastore/" + enc(store) + "/groups" + query)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) g).put("ns", namespace);
            groups.add(g);
            String key = key(store, g);
            Long last = PveJson.whole(g, "last-backup");
            if (!latest.containsKey(key) || !java.util.Objects.equals(readAtBackup.get(key), last)) {
              due.put(key, g);
            }
            rotation.add(key);
          }
        }
        groupsByStore.put(store, groups);
      } catch (ProxmoxApiException e) {
        // keep what was read before; the datastore's own status says what is wrong
      }
    }
    LinkedHashSet<String> order = new LinkedHashSet<>(new java.util.TreeSet<>(due.keySet()));
    order.addAll(rotation);
    int reads = 0;
    for (String key : order) {
      if (reads >= maxSnapshotReads) {
        break;
      }
      JsonNode group = findGroup(key);
      if (group == null) {
        rotation.remove(key);
        latest.remove(key);
        continue;
      }
      reads++;
      readLatest(client, key, group);
      rotation.remove(key);
      rotation.add(key); // to the back of the line
    }
  }

  public List<DatastoreFacet.BackupGroup> groups(String store) {
    List<DatastoreFacet.BackupGroup> out = new ArrayList<>();
    for (JsonNode g : groupsByStore.getOrDefault(store, List.of())) {
      Latest l = latest.get(key(store, g));
      Long last = PveJson.whole(g, "last-backup");
      Integer count = PveJson.integer(g, "backup-count");
      out.add(new DatastoreFacet.BackupGroup(PveJson.text(g, "ns") == null ? "" : PveJson.text(g, "ns"),
          PveJson.text(g, "backup-type"), PveJson.text(g, "backup-id"), PbsMapper.epoch(last), count == null ? 0 : count,
          l == null ? null : l.size(), l == null ? null : l.verification(), l != null && l.isProtected(),
          PveJson.text(g, "owner"), l == null ? PveJson.text(g, "comment") : l.comment()));
    }
    return out;
  }

  public int groupsTotal(String store) {
    return groupsByStore.getOrDefault(store, List.of()).size();
  }

  private void readLatest(ProxmoxApiClient client, String key, JsonNode group) {
    String store = key.substring(0, key.indexOf('|'));
    String ns = PveJson.text(group, "ns");
    String path = "/admin/datastore/" + enc(store) + "/snapshots?backup-type=" + enc(PveJson.text(group, "backup-type"))
        + "&backup-id=" + enc(PveJson.text(group, "backup-id")) + (ns == null || ns.isEmpty() ? "" : "&ns=" + enc(ns));
    try {
      JsonNode newest = null;
      for (JsonNode s : client.get(path)) {
        Long t = PveJson.whole(s, "backup-time");
        if (t != null && (newest == null || t > PveJson.whole(newest, "backup-time"))) {
          newest = s;
        }
      }
      if (newest != null) {
        latest.put(key, new Latest(PveJson.whole(newest, "backup-time"), PveJson.whole(newest, "size"),
            PveJson.text(newest.path("verification"), "state"), PveJson.flag(newest, "protected"), PveJson.text(newest, "comment")));
        readAtBackup.put(key, PveJson.whole(group, "last-backup"));
      }
    } catch (ProxmoxApiException e) {
      // read again in a later cycle
    }
  }

  private JsonNode findGroup(String key) {
    String store = key.substring(0, key.indexOf('|'));
    for (JsonNode g : groupsByStore.getOrDefault(store, List.of())) {
      if (key(store, g).equals(key)) {
        return g;
      }
    }
    return null;
  }

  /**
   * The datastore's namespaces, the root ({@code ""}) always first: it exists on every PBS, also
   * on releases before namespaces, whose {@code /namespace} answers 404, and where the list is empty.
   */
  private static List<String> namespaces(ProxmoxApiClient client, String store) throws ProxmoxApiException {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    out.add("");
    try {
      for (JsonNode ns : client.get("/admin/datastore/" + enc(store) + "/namespace")) {
        String name = PveJson.text(ns, "ns");
        out.add(name == null ? "" : name);
      }
    } catch (ProxmoxApiException e) {
      if (e.endpointFault() || (e.status() != 404 && e.status() != 400 && e.status() != 501)) {
        throw e;
      }
    }
    return List.copyOf(out);
  }

  private static String key(String store, JsonNode g) {
    return store + "|" + PveJson.text(g, "ns") + "|" + PveJson.text(g, "backup-type") + "/" + PveJson.text(g, "backup-id");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
