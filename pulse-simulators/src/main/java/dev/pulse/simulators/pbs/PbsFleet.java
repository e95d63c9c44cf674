package dev.pulse.simulators.pbs;

import static dev.pulse.simulators.internal.JsonExchange.map;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated Proxmox Backup Server: datastores {@code store1} (about 89 % full and growing),
 * {@code store2}, and {@code offline-usb} (unavailable); backup groups of the demo cluster's guests
 * with daily snapshots; GC, verify, sync and prune jobs. The latest snapshot of {@code vm/100} failed
 * verification, and so did the verify job. Field names are kebab-case except task items, as in PBS.
 */
final class PbsFleet {

  private static final long TB = 1_000_000_000_000L;
  private static final int[] VM_IDS = {100, 102, 104, 106, 108, 110, 124};
  private static final int[] CT_IDS = {101, 103, 105, 107, 109};

  private final Clock clock;
  private final long startEpoch;

  PbsFleet(Clock clock) {
    this.clock = clock;
    this.startEpoch = clock.instant().getEpochSecond();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  /** The last daily backup at 02:00 UTC before now. */
  private long lastNightly() {
    long day = now() / 86_400 * 86_400;
    long at = day + 2 * 3600;
    return at > now() ? at - 86_400 : at;
  }

  Map<String, Object> version() {
    return map("version", "3.2", "release", "7", "repoid", "a1b2c3d4e5f6");
  }

  Map<String, Object> nodeStatus(String fingerprint) {
    return map(
        "memory", map("total", 33_554_432_000L, "used", 9_663_676_416L, "free", 23_890_755_584L),
        "root", map("total", 100_861_726_720L, "used", 8_602_532_352L, "avail", 92_259_194_368L),
        "swap", map("total", 4_294_963_200L, "used", 0, "free", 4_294_963_200L),
        "uptime", now() - startEpoch + 1_209_600,
        "loadavg", List.of(0.41, 0.52, 0.6),
        "cpu", 0.031 + (now() % 7) / 1000.0,
        "wait", 0.002,
        "cpuinfo", map("model", "Intel(R) Xeon(R) E-2224 CPU @ 3.40GHz", "sockets", 1, "cpus", 4),
        "kversion", "Linux 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4",
        "info", map("fingerprint", fingerprint));
  }

  private long store1Used() {
    long total = 8 * TB;
    double fraction = Math.min(0.99, 0.89 + (now() - startEpoch) / 86_400.0 * 0.002);
    return (long) (total * fraction);
  }

  List<Object> datastoreUsage() {
    List<Object> out = new ArrayList<>();
    long historyStart = now() / 86_400 * 86_400 - 30 * 86_400L;
    List<Object> history = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      history.add(i == 12 ? null : 0.80 + i * 0.003); // missing samples are null
    }
    out.add(map("store", "store1", "total", 8 * TB, "used", store1Used(), "avail", 8 * TB - store1Used(),
        "history", history, "history-start", historyStart, "history-delta", 86_400,
        "estimated-full-date", now() + 40 * 86_400L,
        "gc-status", map("upid", upid("garbage_collection", "store1", lastNightly() + 3600), "index-data-bytes", 48_318_382_080_000L,
            "disk-bytes", 6_871_947_673_600L, "disk-chunks", 2_716_213, "removed-bytes", 21_474_836_480L, "pending-bytes", 0,
            "removed-bad", 0, "still-bad", 0)));
    out.add(map("store", "store2", "total", 4 * TB, "used", 1_200_000_000_000L, "avail", 2_800_000_000_000L,
        "history", List.of(0.3, 0.3, 0.3), "history-start", historyStart, "history-delta", 86_400,
        "estimated-full-date", 0, // PBS: 0 = not growing
        "gc-status", map("upid", null, "index-data-bytes", 0, "disk-bytes", 0)));
    out.add(map("store", "offline-usb", "error", "datastore 'offline-usb' is unavailable - mount point not found"));
    return out;
  }

  List<Object> datastores() {
    return List.of(
        map("store", "store1", "comment", "nightly VM backups"),
        map("store", "store2", "comment", null),
        map("store", "offline-usb", "comment", "rotated USB disk", "maintenance", "type=offline"));
  }

  /** {@code /admin/datastore/{store}/status}: the datastore's sizes, as {@code /status/datastore-usage} gives them. */
  Map<String, Object> datastoreStatus(String store) {
    for (Object entry : datastoreUsage()) {
      Map<?, ?> e = (Map<?, ?>) entry;
      if (store.equals(e.get("store")) && e.get("total") != null) {
        return map("total", e.get("total"), "used", e.get("used"), "avail", e.get("avail"),
            "gc-status", e.get("gc-status"), "counts", map("vm", map("groups", store.equals("store1") ? 13 : 0)));
      }
    }
    return null;
  }

  /** {@code /nodes/localhost/tasks}: the last runs of the jobs, newest first. */
  List<Object> tasks() {
    List<Object> out = new ArrayList<>();
    for (List<Object> jobs : List.of(gcJobs(), verifyJobs(), syncJobs(), pruneJobs())) {
      for (Object job : jobs) {
        Map<?, ?> j = (Map<?, ?>) job;
        Object end = j.get("last-run-endtime");
        if (end == null) {
          continue;
        }
        String type = j.containsKey("remote") ? "syncjob" : j.containsKey("ignore-verified") ? "verificationjob"
            : j.containsKey("keep-daily") ? "prunejob" : "garbage_collection";
        String id = String.valueOf(j.get(j.containsKey("id") ? "id" : "store"));
        long endtime = ((Number) end).longValue();
        out.add(map("upid", upid(type, id, endtime - 60), "node", "localhost", "worker_type", type, "worker_id", id,
            "user", "root@pam", "starttime", endtime - 60, "endtime", endtime, "status", j.get("last-run-state")));
      }
    }
    out.sort((a, b) -> Long.compare(((Number) ((Map<?, ?>) b).get("starttime")).longValue(),
        ((Number) ((Map<?, ?>) a).get("starttime")).longValue()));
    return out;
  }

  boolean available(String store) {
    return store.equals("store1") || store.equals("store2");
  }

  List<Object> groups(String store) {
    List<Object> out = new ArrayList<>();
    if (!store.equals("store1")) {
      return out;
    }
    for (int id : VM_IDS) {
      out.add(map("backup-type", "vm", "backup-id", String.valueOf(id), "last-backup", lastNightly() + id, "backup-count", 14,
          "owner", "root@pam", "files", List.of("index.json.blob", "drive-scsi0.img.fidx")));
    }
    for (int id : CT_IDS) {
      out.add(map("backup-type", "ct", "backup-id", String.valueOf(id), "last-backup", lastNightly() + id, "backup-count", 7,
          "owner", "root@pam", "files", List.of("root.pxar.didx")));
    }
    out.add(map("backup-type", "host", "backup-id", "pve1", "last-backup", lastNightly() - 86_400, "backup-count", 3,
        "owner", "backup@pbs!host"));
    return out;
  }

  List<Object> snapshots(String store, String type, String id) {
    List<Object> out = new ArrayList<>();
    if (!store.equals("store1") || type == null || id == null) {
      return out;
    }
    for (int day = 0; day < 3; day++) {
      long time = lastNightly() - day * 86_400L + (id.hashCode() & 0x3ff);
      Map<String, Object> snap = map("backup-type", type, "backup-id", id, "backup-time", time,
          "files", List.of(map("filename", "index.json.blob", "crypt-mode", "none")), "protected", day == 2);
      if (day > 0 || !(type.equals("vm") && id.equals("124"))) { // the newest backup of vm/124 is still running: no size
        snap.put("size", 34_359_738_368L + day);
        snap.put("owner", "root@pam");
      }
      if (type.equals("vm") && id.equals("100") && day == 0) {
        snap.put("verification", map("state", "failed", "upid", upid("verificationjob", "store1:v-3fa1b2c4", time + 7200)));
      } else if (day > 0) {
        snap.put("verification", map("state", "ok", "upid", upid("verificationjob", "store1:v-3fa1b2c4", time + 7200)));
      }
      if (type.equals("vm")) {
        snap.put("comment", "guest " + id);
      }
      out.add(snap);
    }
    return out;
  }

  List<Object> gcJobs() {
    return List.of(
        map("store", "store1", "schedule", "daily", "next-run", lastNightly() + 86_400 + 3600, "last-run-endtime", lastNightly() + 4000,
            "last-run-state", "OK", "duration", 412, "index-data-bytes", 48_318_382_080_000L, "disk-bytes", 6_871_947_673_600L),
        map("store", "store2", "schedule", "weekly", "next-run", lastNightly() + 5 * 86_400));
  }

  List<Object> verifyJobs() {
    return List.of(map("id", "v-3fa1b2c4", "store", "store1", "schedule", "daily", "ignore-verified", true,
        "outdated-after", 30, "next-run", lastNightly() + 86_400 + 7200,
        "last-run-state", "verification failed - please check the log for details",
        "last-run-upid", upid("verificationjob", "store1:v-3fa1b2c4", lastNightly() + 7200), "last-run-endtime", lastNightly() + 9000));
  }

  List<Object> syncJobs() {
    return List.of(map("id", "s-8c2d", "store", "store2", "remote", "offsite", "remote-store", "backup", "remove-vanished", false,
        "schedule", "hourly", "next-run", now() / 3600 * 3600 + 3600, "last-run-state", "OK", "last-run-endtime", now() / 3600 * 3600 + 120));
  }

  List<Object> pruneJobs() {
    return List.of(map("id", "p-store1", "store", "store1", "schedule", "daily", "keep-daily", 14, "next-run", lastNightly() + 86_400 + 10_800,
        "last-run-state", "WARNINGS: 1", "last-run-endtime", lastNightly() + 10_900));
  }

  private static String upid(String type, String id, long start) {
    String escaped = id.replace(":", "\\x3a").replace("-", "\\x2d");
    return String.format(Locale.ROOT, "UPID:pbs1:00000C1A:0003F2A1:00000042:%08X:%s:%s:root@pam:", start, type, escaped);
  }
}
