package dev.pulse.simulators.pve;

import static dev.pulse.simulators.internal.JsonExchange.map;

import dev.pulse.simulators.pve.PveFleet.SimGuest;
import dev.pulse.simulators.pve.PveFleet.SimNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ceph, replication, vzdump tasks and backup volumes of the simulated cluster. Ceph warns that
 * osd.4 on the offline pve3 is down; replication of guest 104 to pve2 fails; last night's backup of
 * guest 110 ended with "job errors"; the other running guests were backed up to {@code nas-backup}.
 */
final class PveProtectionResponses {

  private final PveFleet fleet;

  PveProtectionResponses(PveFleet fleet) {
    this.fleet = fleet;
  }

  private long lastNightly() {
    long day = fleet.now() / 86_400 * 86_400;
    long at = day + 3600;
    return at > fleet.now() ? at - 86_400 : at;
  }

  Map<String, Object> cephStatus() {
    return map(
        "health", map("status", "HEALTH_WARN", "checks", map(
            "OSD_DOWN", map("severity", "HEALTH_WARN", "summary", map("message", "1 osds down", "count", 1),
                "detail", List.of(map("message", "osd.4 (root=default,host=pve3) is down"))),
            "PG_DEGRADED", map("severity", "HEALTH_WARN", "summary",
                map("message", "Degraded data redundancy: 40 pgs undersized", "count", 40)))),
        "quorum_names", List.of("pve1", "pve2"),
        "monmap", map("num_mons", 3, "mons", List.of(map("rank", 0, "name", "pve1"))),
        "mgrmap", map("available", true, "active_name", "pve1"),
        "osdmap", map("osdmap", map("num_osds", 6, "num_up_osds", 5, "num_in_osds", 6)), // Nautilus nests it
        "pgmap", map("pgs_by_state", List.of(map("state_name", "active+clean", "count", 89),
                map("state_name", "active+undersized+degraded", "count", 40)),
            "num_pgs", 129, "bytes_used", 3_865_470_566_400L, "bytes_avail", 8_136_879_177_728L, "bytes_total", 12_002_349_744_128L,
            "degraded_ratio", 0.0333, "read_bytes_sec", 1_048_576));
  }

  /** {@code /cluster/ha/status/current}: quorum OK, the manager on pve1, the HA-managed guests. */
  List<Object> haStatus() {
    List<Object> out = new ArrayList<>();
    out.add(map("id", "quorum", "type", "quorum", "status", "OK", "quorate", 1, "node", "pve1"));
    out.add(map("id", "master", "type", "master", "node", "pve1", "status", "pve1 (active, " + fleet.now() + ")"));
    for (SimNode n : fleet.nodes) {
      out.add(map("id", "lrm:" + n.name(), "type", "lrm", "node", n.name(), "state", fleet.online(n) ? "active" : "unknown"));
    }
    for (SimGuest g : fleet.guests) {
      if (g.hastate() != null) {
        out.add(map("id", "service:vm:" + g.vmid(), "type", "service", "sid", "vm:" + g.vmid(), "node", g.node(),
            "state", g.hastate(), "crm_state", g.hastate(), "request_state", g.hastate()));
      }
    }
    return out;
  }

  List<Object> cephPools() {
    return List.of(
        map("pool", 2, "pool_name", "ceph-vm", "size", 3, "min_size", 2, "pg_num", 128, "type", "replicated",
            "bytes_used", 1_288_490_188_800L, "percent_used", 0.1358),
        map("pool", 1, "pool_name", ".mgr", "size", 3, "min_size", 2, "pg_num", 1, "type", "replicated",
            "bytes_used", 1_048_576L, "percent_used", 0.0));
  }

  List<Object> replication(SimNode node) {
    List<Object> out = new ArrayList<>();
    for (SimGuest g : fleet.guests) {
      if (!g.node().equals(node.name()) || !g.status().equals("running") || g.vmid() % 4 != 0 || g.vmid() > 120) {
        continue;
      }
      boolean failing = g.vmid() == 104;
      String target = node.name().equals("pve1") ? "pve2" : "pve1";
      Map<String, Object> job = map("id", g.vmid() + "-0", "type", "local", "guest", g.vmid(), "jobnum", 0, "target", target,
          "source", node.name(), "schedule", "*/15", "last_sync", failing ? fleet.now() - 7200 : fleet.now() / 900 * 900,
          "last_try", fleet.now() / 900 * 900, "next_sync", fleet.now() / 900 * 900 + 900, "duration", 4.21, "fail_count", failing ? 3 : 0);
      if (failing) {
        job.put("error", "command 'zfs snapshot rpool/data/vm-104-disk-0@__replicate_104-0_1732068000__' failed: exit code 1");
      }
      out.add(job);
    }
    return out;
  }

  List<Object> vzdumpTasks(SimNode node) {
    List<Object> out = new ArrayList<>();
    long start = lastNightly();
    for (SimGuest g : fleet.guests) {
      if (!g.node().equals(node.name()) || g.template() || g.status().equals("unknown")) {
        continue;
      }
      long begin = start + (g.vmid() - 100) * 60L;
      String status = g.vmid() == 110 ? "job errors" : g.vmid() == 112 ? "WARNINGS: 1" : "OK";
      out.add(map("upid", String.format(Locale.ROOT, "UPID:%s:%08X:%08X:%08X:vzdump:%d:root@pam:", node.name(), 4242 + g.vmid(),
              204_935_123, begin, g.vmid()),
          "node", node.name(), "pid", 4242 + g.vmid(), "pstart", 204_935_123, "starttime", begin, "endtime", begin + 45,
          "type", "vzdump", "id", String.valueOf(g.vmid()), "user", "root@pam", "status", status));
    }
    out.add(map("upid", "UPID:" + node.name() + ":00001000:0C371C53:00000000:vzdump::root@pam:", "node", node.name(),
        "starttime", start - 86_400, "endtime", start - 86_000, "type", "vzdump", "id", "", "user", "root@pam", "status", "OK"));
    return out;
  }

  List<Object> backupContent(SimNode node, String storage) {
    List<Object> out = new ArrayList<>();
    if (!storage.equals("nas-backup") && !storage.equals("local")) {
      return out;
    }
    for (SimGuest g : fleet.guests) {
      boolean here = storage.equals("nas-backup") || g.node().equals(node.name());
      if (!here || g.template() || g.status().equals("unknown") || g.vmid() == 110) {
        continue;
      }
      long ctime = lastNightly() + (g.vmid() - 100) * 60L + 40;
      if (storage.equals("local")) {
        ctime -= 7 * 86_400; // an older weekly copy on local storage
      }
      String kind = g.type().equals("qemu") ? "qemu" : "lxc";
      Map<String, Object> v = map("volid", String.format(Locale.ROOT, "%s:backup/vzdump-%s-%d-%s.vma.zst", storage, kind, g.vmid(),
              java.time.Instant.ofEpochSecond(ctime).toString().replace("T", "_").replace(":", "_").replace("Z", "")),
          "content", "backup", "format", "vma.zst", "subtype", kind, "vmid", g.vmid(), "ctime", ctime,
          "size", 2_147_483_648L + g.vmid());
      if (g.vmid() == 100) {
        v.put("protected", 1);
        v.put("notes", "before upgrade");
      }
      out.add(v);
    }
    return out;
  }
}
