package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CephFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ProtectionFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The slow tier for cluster-wide facts: Ceph ({@code /cluster/ceph/status}, 500 when Ceph is not
 * installed, and the pools of one node), the HA stack ({@code /cluster/ha/status/current}), replication ({@code /nodes/{n}/replication}), vzdump tasks
 * ({@code /nodes/{n}/tasks?typefilter=vzdump}) and backup volumes on the storages that hold backups
 * ({@code …/storage/{s}/content?content=backup}, a shared storage read once). Keeps what it
 * learned between refreshes. Not thread-safe: one per collector. Internal: not API.
 */
public final class PveClusterTier {

  private ObservedResource ceph;
  private String haManager;
  private String haStatus;
  private boolean cephInstalled = true;
  private Map<String, List<ProtectionFacet.Replication>> replication = Map.of();
  private Map<String, ProtectionFacet.BackupTask> tasks = Map.of();
  private Map<String, ProtectionFacet.BackupVolume> volumes = Map.of();

  public void refresh(ProxmoxApiClient client, JsonNode resources, List<String> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    refreshCeph(client, nodes.get(0));
    refreshHa(client);
    Map<Integer, String> keys = guestKeys(resources);
    Map<String, List<ProtectionFacet.Replication>> newReplication = new HashMap<>();
    Map<String, ProtectionFacet.BackupTask> newTasks = new HashMap<>();
    for (String node : nodes) {
      try {
        for (JsonNode job : client.getBehindEndpoint("/nodes/" + node + "/replication")) {
          Integer guest = integer(job, "guest");
          if (guest != null && text(job, "id") != null && text(job, "target") != null) {
            newReplication.computeIfAbsent(key(keys, guest), k -> new ArrayList<>()).add(replication(job));
          }
        }
      } catch (ProxmoxApiException e) {
        newReplication.putAll(keepFor(replication, node));
      }
      try {
        for (JsonNode task : client.getBehindEndpoint("/nodes/" + node + "/tasks?typefilter=vzdump&limit=100")) {
          Integer vmid = integer(task, "id"); // a single-guest task names its guest; a whole-job task does not
          Long start = whole(task, "starttime");
          if (vmid != null && start != null) {
            String key = key(keys, vmid);
            ProtectionFacet.BackupTask t = task(node, task, start);
            ProtectionFacet.BackupTask known = newTasks.get(key);
            if (known == null || known.started().isBefore(t.started())) {
              newTasks.put(key, t);
            }
          }
        }
      } catch (ProxmoxApiException e) {
        // tasks of that node stay as they were
        tasks.forEach((k, v) -> {
          if (v.node().equals(node)) {
            newTasks.putIfAbsent(k, v);
          }
        });
      }
    }
    replication = newReplication;
    tasks = newTasks;
    volumes = readVolumes(client, resources, nodes, keys);
  }

  /** The HA stack: {@code /cluster/ha/status/current}'s quorum entry and active manager. */
  private void refreshHa(ProxmoxApiClient client) {
    try {
      String manager = null;
      String status = null;
      for (JsonNode entry : client.getBehindEndpoint("/cluster/ha/status/current")) {
        String type = text(entry, "type");
        if ("quorum".equals(type)) {
          status = text(entry, "status");
        } else if ("master".equals(type)) {
          manager = text(entry, "node");
        }
      }
      haManager = manager;
      haStatus = status;
    } catch (ProxmoxApiException e) {
      // keep the last known state
    }
  }

  /** The cluster facet with what the HA stack last said. */
  public dev.pulse.domain.resource.ClusterFacet withHa(dev.pulse.domain.resource.ClusterFacet cluster) {
    return cluster == null ? null : cluster.withHa(haManager, haStatus);
  }

  public ObservedResource ceph() {
    return ceph;
  }

  public ProtectionFacet protection(String guestKey) {
    ProtectionFacet.BackupTask task = tasks.get(guestKey);
    ProtectionFacet.BackupVolume volume = volumes.get(guestKey);
    List<ProtectionFacet.Replication> jobs = replication.getOrDefault(guestKey, List.of());
    return task == null && volume == null && jobs.isEmpty() ? null : new ProtectionFacet(task, volume, jobs);
  }

  private void refreshCeph(ProxmoxApiClient client, String node) {
    if (!cephInstalled) {
      return;
    }
    try {
      JsonNode status = client.getBehindEndpoint("/cluster/ceph/status");
      List<CephFacet.Pool> pools = new ArrayList<>();
      try {
        for (JsonNode p : client.getBehindEndpoint("/nodes/" + node + "/ceph/pool")) {
          Double fraction = number(p, "percent_used");
          pools.add(new CephFacet.Pool(text(p, "pool_name"), integer(p, "size"), integer(p, "min_size"), integer(p, "pg_num"),
              whole(p, "bytes_used"), fraction == null ? null : fraction * 100));
        }
      } catch (ProxmoxApiException e) {
        // pools stay unknown this time
      }
      ceph = cephResource(status, pools);
    } catch (ProxmoxApiException e) {
      if (e.status() == 500) {
        cephInstalled = false; // "ceph not installed": ask no more; a reconnect asks again
        ceph = null;
      }
    }
  }

  static ObservedResource cephResource(JsonNode status, List<CephFacet.Pool> pools) {
    JsonNode health = status.path("health");
    String state = text(health, "status") != null ? text(health, "status") : text(health, "overall_status"); // Luminous
    List<CephFacet.Check> checks = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = health.path("checks").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> check = it.next();
      checks.add(new CephFacet.Check(check.getKey(), String.valueOf(text(check.getValue(), "severity")),
          String.valueOf(text(check.getValue().path("summary"), "message"))));
    }
    JsonNode osdmap = status.path("osdmap").has("osdmap") ? status.path("osdmap").path("osdmap") : status.path("osdmap"); // Nautilus nests it
    JsonNode pgmap = status.path("pgmap");
    List<CephFacet.PgState> pgStates = new ArrayList<>();
    for (JsonNode s : pgmap.path("pgs_by_state")) {
      Integer count = integer(s, "count");
      pgStates.add(new CephFacet.PgState(String.valueOf(text(s, "state_name")), count == null ? 0 : count));
    }
    List<String> quorum = new ArrayList<>();
    status.path("quorum_names").forEach(n -> quorum.add(n.asText()));
    Double degraded = number(pgmap, "degraded_ratio");
    Integer monitors = integer(status.path("monmap"), "num_mons");
    CephFacet facet = new CephFacet(state == null ? "UNKNOWN" : state, checks, monitors == null ? quorum.size() : monitors, quorum,
        orZero(integer(osdmap, "num_osds")), orZero(integer(osdmap, "num_up_osds")), orZero(integer(osdmap, "num_in_osds")),
        orZero(integer(pgmap, "num_pgs")), pgStates, degraded == null ? null : degraded * 100, pools);
    ResourceStatus mapped = "HEALTH_OK".equals(state) ? ResourceStatus.ONLINE
        : state == null ? ResourceStatus.UNKNOWN : ResourceStatus.WARNING;
    UsageMetric usage = UsageMetric.of(whole(pgmap, "bytes_used"), whole(pgmap, "bytes_total"), PveMapper.PLATFORM);
    return new ObservedResource("ceph", ResourceType.CEPH, "Ceph", mapped, null, Identity.EMPTY, Metrics.of(null, null, usage),
        List.of(), Facets.NONE.withCeph(facet));
  }

  private Map<String, ProtectionFacet.BackupVolume> readVolumes(ProxmoxApiClient client, JsonNode resources, List<String> nodes,
      Map<Integer, String> keys) {
    Map<String, ProtectionFacet.BackupVolume> newest = new HashMap<>();
    List<String> sharedRead = new ArrayList<>();
    for (JsonNode item : resources) {
      String storage = text(item, "storage");
      String node = text(item, "node");
      String content = text(item, "content");
      if (!"storage".equals(text(item, "type")) || storage == null || node == null || content == null
          || !content.contains("backup") || !nodes.contains(node) || !"available".equals(text(item, "status"))) {
        continue;
      }
      if (PveJson.flag(item, "shared")) {
        if (sharedRead.contains(storage)) {
          continue;
        }
        sharedRead.add(storage);
      }
      try {
        String path = "/nodes/" + node + "/storage/" + URLEncoder.encode(storage, StandardCharsets.UTF_8) + "/content?content=backup";
        for (JsonNode v : client.getBehindEndpoint(path)) {
          Integer vmid = integer(v, "vmid");
          Long ctime = whole(v, "ctime");
          if (vmid == null || ctime == null) {
            continue;
          }
          String key = key(keys, vmid);
          ProtectionFacet.BackupVolume volume = new ProtectionFacet.BackupVolume(text(v, "volid"), storage,
              Instant.ofEpochSecond(ctime), whole(v, "size"), PveJson.flag(v, "protected"), text(v.path("verification"), "state"));
          ProtectionFacet.BackupVolume known = newest.get(key);
          if (known == null || known.created().isBefore(volume.created())) {
            newest.put(key, volume);
          }
        }
      } catch (ProxmoxApiException e) {
        volumes.forEach((k, v) -> {
          if (v.storage().equals(storage)) {
            newest.putIfAbsent(k, v);
          }
        });
      }
    }
    return newest;
  }

  private static ProtectionFacet.Replication replication(JsonNode job) {
    Long last = whole(job, "last_sync");
    Long next = whole(job, "next_sync");
    Integer fails = integer(job, "fail_count");
    return new ProtectionFacet.Replication(text(job, "id"), text(job, "source"), text(job, "target"),
        last == null || last == 0 ? null : Instant.ofEpochSecond(last), next == null || next == 0 ? null : Instant.ofEpochSecond(next),
        number(job, "duration"), fails == null ? 0 : fails, text(job, "error"));
  }

  private static ProtectionFacet.BackupTask task(String node, JsonNode task, long start) {
    String status = text(task, "status");
    Long end = whole(task, "endtime");
    String outcome = end == null ? "running" : PbsMapper.outcome(status);
    return new ProtectionFacet.BackupTask(node, Instant.ofEpochSecond(start), end == null ? null : Instant.ofEpochSecond(end),
        outcome.equals("never") ? "running" : outcome, status);
  }

  /** vmid → the guest's key ({@code qemu-100} or {@code lxc-101}) as /cluster/resources lists it. */
  private static Map<Integer, String> guestKeys(JsonNode resources) {
    Map<Integer, String> keys = new HashMap<>();
    for (JsonNode item : resources) {
      Integer id = integer(item, "vmid");
      String type = text(item, "type");
      if (id != null && ("qemu".equals(type) || "lxc".equals(type))) {
        keys.put(id, PveMapper.guestKey(type, id));
      }
    }
    return keys;
  }

  private static String key(Map<Integer, String> keys, int vmid) {
    return keys.getOrDefault(vmid, PveMapper.guestKey("qemu", vmid));
  }

  private static Map<String, List<ProtectionFacet.Replication>> keepFor(Map<String, List<ProtectionFacet.Replication>> old,
      String node) {
    Map<String, List<ProtectionFacet.Replication>> kept = new HashMap<>();
    old.forEach((k, jobs) -> {
      if (jobs.stream().anyMatch(j -> node.equals(j.source()))) {
        kept.put(k, jobs);
      }
    });
    return kept;
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
