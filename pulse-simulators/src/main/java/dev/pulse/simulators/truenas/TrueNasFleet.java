package dev.pulse.simulators.truenas;

import static dev.pulse.simulators.internal.JsonExchange.map;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated TrueNAS SCALE box {@code nas01}, shaped as its API answers: dates as {@code
 * {"$date": ms}}, pool sizes raw (parity included), dataset properties as {@code {value, rawvalue,
 * parsed, source}}, and {@code pool.dataset.query} listing every dataset and nesting children inside
 * their parents, so that summing them double-counts. Pool {@code tank} is DEGRADED (a disk removed,
 * with read and checksum errors), {@code fast} is ONLINE.
 */
final class TrueNasFleet {

  static final long TIB = 1L << 40;
  static final long GIB = 1L << 30;

  private final Clock clock;
  private final String address;

  TrueNasFleet(Clock clock, String address) {
    this.clock = clock;
    this.address = address;
  }

  private Map<String, Object> date(long secondsAgo) {
    return map("$date", clock.millis() - secondsAgo * 1000);
  }

  Map<String, Object> systemInfo() {
    return map("version", "TrueNAS-SCALE-24.10.2", "buildtime", date(86_400 * 60), "hostname", "nas01",
        "physmem", 64 * GIB, "model", "AMD Ryzen 5 5600G with Radeon Graphics", "cores", 12, "physical_cores", 6,
        "loadavg", List.of(0.41, 0.38, 0.35), "uptime_seconds", 1047845.12, "system_serial", "S123456",
        "system_manufacturer", "ASRockRack", "boottime", date(1_047_845), "timezone", "Europe/Berlin", "ecc_memory", true);
  }

  /** {@code boot.get_state}: a mirrored boot pool, shaped with {@code groups} and lower-case types. */
  Map<String, Object> bootPool() {
    List<Map<String, Object>> mirror = new ArrayList<>();
    for (String part : List.of("sde3", "sdf3")) {
      mirror.add(map("name", part, "type", "disk", "path", "/dev/" + part, "guid", "11" + part.hashCode(), "status", "ONLINE",
          "stats", map("read_errors", 0, "write_errors", 0, "checksum_errors", 0), "children", List.of()));
    }
    return map("name", "boot-pool", "id", "boot-pool", "guid", "5555", "hostname", "nas01", "status", "ONLINE",
        "status_code", "FEAT_DISABLED", "status_detail", null, "healthy", true, "error_count", 0,
        "scan", map("function", "SCRUB", "state", "FINISHED", "end_time", date(86_400 * 6), "percentage", 100.0, "errors", 0),
        "groups", map("data", List.of(map("name", "mirror-0", "type", "mirror", "status", "ONLINE",
            "stats", map("read_errors", 0, "write_errors", 0, "checksum_errors", 0), "children", mirror)),
            "log", List.of(), "cache", List.of(), "spare", List.of(), "special", List.of(), "dedup", List.of()),
        "properties", map("size", map("value", "224G", "rawvalue", String.valueOf(224 * GIB), "parsed", 224 * GIB),
            "allocated", map("value", "14G", "rawvalue", String.valueOf(14 * GIB), "parsed", 14 * GIB)));
  }

  /**
   * A {@code reporting.realtime} event as 24.10+ sends it: CPU in percent, memory in bytes, rates in
   * bytes per second. CPU wanders with the clock so that charts move.
   */
  Map<String, Object> realtime() {
    double wobble = (clock.millis() / 2000 % 10) / 2.0;
    return map("cpu", map("aggregated_usage", 12.5 + wobble, "core0_usage", 20.0, "core1_usage", 5.0),
        "disks", map("busy", 3.2, "read_bytes", 8_388_608.0, "write_bytes", 2_097_152.0, "read_ops", 120.0, "write_ops", 40.0),
        "interfaces", map("enp5s0", map("link_state", "LINK_STATE_UP", "speed", 2500, "received_bytes_rate", 1_250_000.0,
            "sent_bytes_rate", 250_000.0), "enp6s0", map("link_state", "LINK_STATE_DOWN", "speed", null,
            "received_bytes_rate", 0.0, "sent_bytes_rate", 0.0), "lo", map("link_state", "LINK_STATE_UP", "speed", null,
            "received_bytes_rate", 9_000_000.0, "sent_bytes_rate", 9_000_000.0)),
        "memory", map("arc_size", 40 * GIB, "arc_free_memory", 2 * GIB, "arc_available_memory", 30 * GIB,
            "physical_memory_total", 64 * GIB, "physical_memory_available", 16 * GIB));
  }

  /** An {@code app.stats} event: only running apps are listed. */
  List<Map<String, Object>> appStats() {
    return List.of(map("app_name", "plex", "cpu_usage", 7, "memory", 1536L * 1024 * 1024,
        "networks", List.of(map("interface_name", "eth0", "rx_bytes", 524_288, "tx_bytes", 4_194_304)),
        "blkio", map("read", 987_654_321L, "write", 123_456_789L)));
  }

  List<Map<String, Object>> pools() {
    Map<String, Object> removed = map("type", "DISK", "status", "REMOVED", "disk", null, "device", null,
        "unavail_disk", map("devname", "sdc"), "stats", map("read_errors", 3, "write_errors", 0, "checksum_errors", 12),
        "children", List.of());
    Map<String, Object> tank = map("id", 1, "name", "tank", "guid", "1234567890123456789", "status", "DEGRADED",
        "healthy", false, "warning", false, "status_detail", "One or more devices has been removed",
        "size", 4 * 4 * TIB, "allocated", 11 * TIB, "free", 5 * TIB, "fragmentation", "31",
        "scan", map("function", "SCRUB", "state", "FINISHED", "end_time", date(86_400 * 3), "percentage", 100.0, "errors", 0),
        "topology", map("data", List.of(map("name", "raidz1-0", "type", "RAIDZ1", "status", "DEGRADED",
            "stats", map("read_errors", 0, "write_errors", 0, "checksum_errors", 0),
            "children", List.of(disk("sda"), disk("sdb"), removed, disk("sdd")))),
            "log", List.of(), "cache", List.of(), "spare", List.of(), "special", List.of(), "dedup", List.of()));
    Map<String, Object> fast = map("id", 2, "name", "fast", "guid", "9876543210987654321", "status", "ONLINE",
        "healthy", true, "warning", false, "status_detail", null,
        "size", 2 * TIB, "allocated", 512 * GIB, "free", 2 * TIB - 512 * GIB, "fragmentation", "4", "scan", null,
        "topology", map("data", List.of(map("name", "mirror-0", "type", "MIRROR", "status", "ONLINE",
            "stats", map("read_errors", 0, "write_errors", 0, "checksum_errors", 0),
            "children", List.of(disk("nvme0n1"), disk("nvme1n1")))),
            "log", List.of(), "cache", List.of(), "spare", List.of(), "special", List.of(), "dedup", List.of()));
    return List.of(tank, fast);
  }

  private static Map<String, Object> disk(String name) {
    return map("type", "DISK", "status", "ONLINE", "disk", name, "device", name + (name.startsWith("nvme") ? "p1" : "1"),
        "unavail_disk", null, "stats", map("read_errors", 0, "write_errors", 0, "checksum_errors", 0), "children", List.of());
  }

  private static Map<String, Object> size(long bytes) {
    return map("value", bytes / GIB + "G", "rawvalue", String.valueOf(bytes), "parsed", bytes, "source", "NONE");
  }

  private Map<String, Object> dataset(String id, long used, long available, String compressratio, Long quota,
      List<Map<String, Object>> children) {
    String pool = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
    return map("id", id, "type", "FILESYSTEM", "name", id, "pool", pool, "encrypted", false, "locked", false,
        "mountpoint", "/mnt/" + id, "children", children, "used", size(used), "available", size(available),
        "compressratio", map("value", compressratio + "x", "rawvalue", compressratio, "parsed", compressratio, "source", "NONE"),
        "quota", quota == null ? map("value", null, "rawvalue", "0", "parsed", null, "source", "DEFAULT") : size(quota));
  }

  /** Every dataset, each root with its children nested too: what {@code flat: true} gives. */
  List<Map<String, Object>> datasets() {
    Map<String, Object> media = dataset("tank/media", 6 * TIB, 3 * TIB, "1.01", null, List.of());
    Map<String, Object> backups = dataset("tank/backups", 4 * TIB, 3 * TIB, "1.38", 5 * TIB, List.of());
    Map<String, Object> tank = dataset("tank", 10 * TIB + 200 * GIB, 3 * TIB, "1.12", null, List.of(media, backups));
    Map<String, Object> vms = dataset("fast/vms", 400 * GIB, 1200 * GIB, "1.65", null, List.of());
    Map<String, Object> fastRoot = dataset("fast", 480 * GIB, 1200 * GIB, "1.52", null, List.of(vms));
    List<Map<String, Object>> all = new ArrayList<>(List.of(tank, media, backups, fastRoot, vms));
    return all;
  }

  List<Map<String, Object>> disks() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : List.of("sda", "sdb", "sdd")) {
      out.add(map("identifier", "{serial_lunid}WD-" + name, "name", name, "serial", "WD-WX1234567" + name.charAt(2),
          "size", 4 * TIB, "model", "WDC WD40EFZX", "rotationrate", 5400, "type", "HDD", "bus", "ATA", "expiretime", null,
          "pool", "tank"));
    }
    for (String name : List.of("nvme0n1", "nvme1n1")) {
      out.add(map("identifier", "{serial}S5GX" + name, "name", name, "serial", "S5GX" + name, "size", 2 * TIB,
          "model", "Samsung SSD 990 PRO 2TB", "rotationrate", null, "type", "SSD", "bus", "NVME", "expiretime", null, "pool", "fast"));
    }
    return out;
  }

  Map<String, Object> temperatures() {
    return map("sda", 34, "sdb", 36, "sdd", 35, "nvme0n1", 41, "nvme1n1", null);
  }

  List<Map<String, Object>> alerts() {
    return List.of(
        map("uuid", "3fa8c1d2", "source", "VolumeStatus", "klass", "VolumeStatus", "args", map("volume", "tank", "state", "DEGRADED"),
            "datetime", date(3600), "last_occurrence", date(600), "dismissed", false,
            "formatted", "Pool tank state is DEGRADED: One or more devices has been removed", "level", "CRITICAL", "one_shot", false),
        map("uuid", "7b2e9f01", "source", "SMART", "klass", "SMART", "args", map("device", "sdd"), "datetime", date(86_400),
            "last_occurrence", date(86_400), "dismissed", true, "formatted", "Device: /dev/sdd, 8 Currently unreadable (pending) sectors.",
            "level", "WARNING", "one_shot", false));
  }

  List<Map<String, Object>> snapshots() {
    List<Map<String, Object>> out = new ArrayList<>();
    String[][] taken = {{"tank/media", "3600"}, {"tank/media", "90000"}, {"tank/media", "176400"}, {"tank/backups", "604800"},
        {"fast/vms", "1800"}, {"fast/vms", "88200"}};
    for (String[] t : taken) {
      long ago = Long.parseLong(t[1]);
      String name = "auto-" + (clock.millis() / 1000 - ago);
      out.add(map("id", t[0] + "@" + name, "dataset", t[0], "snapshot_name", name, "pool", t[0].substring(0, t[0].indexOf('/')),
          "properties", map("creation", map("parsed", date(ago)), "used", map("parsed", 1_048_576))));
    }
    return out;
  }

  List<Map<String, Object>> replications() {
    return List.of(
        map("id", 1, "name", "tank/media - backup/media", "direction", "PUSH", "transport", "SSH",
            "source_datasets", List.of("tank/media"), "target_dataset", "backup/media", "enabled", true,
            "state", map("state", "ERROR", "datetime", date(1800), "error", "cannot receive incremental stream: destination has been modified",
                "last_snapshot", "tank/media@auto-1"), "job", null),
        map("id", 2, "name", "fast/vms - backup/vms", "direction", "PUSH", "transport", "SSH",
            "source_datasets", List.of("fast/vms"), "target_dataset", "backup/vms", "enabled", true,
            "state", map("state", "FINISHED", "datetime", date(1700), "last_snapshot", "fast/vms@auto-2"), "job", null));
  }

  List<Map<String, Object>> apps() {
    return List.of(
        map("name", "plex", "id", "plex", "state", "RUNNING", "version", "1.2.3", "human_version", "1.41.2_1.2.3",
            "upgrade_available", false),
        map("name", "nextcloud", "id", "nextcloud", "state", "STOPPED", "version", "2.0.1", "human_version", "30.0.1_2.0.1",
            "upgrade_available", true));
  }

  List<Map<String, Object>> vms() {
    return List.of(
        map("id", 1, "name", "homeassistant", "vcpus", 2, "cores", 1, "threads", 1, "memory", 4096, "autostart", true,
            "status", map("state", "RUNNING", "pid", 4242, "domain_state", "RUNNING")),
        map("id", 2, "name", "win11", "vcpus", 4, "cores", 1, "threads", 1, "memory", 8192, "autostart", false,
            "status", map("state", "STOPPED", "pid", null, "domain_state", "SHUTOFF")));
  }

  /** The newest SMART self-test per disk: {@code sdd} failed its last long test. */
  List<Map<String, Object>> smartResults() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String disk : List.of("sda", "sdb", "sdd", "nvme0n1", "nvme1n1")) {
      boolean failing = disk.equals("sdd");
      out.add(map("disk", disk, "tests", List.of(map("num", 1, "description", failing ? "Extended offline" : "Short offline",
          "status", failing ? "FAILED" : "SUCCESS", "status_verbose", failing ? "Completed: read failure" : "Completed without error",
          "remaining", 0.0, "lifetime", 40210, "lba_of_first_error", failing ? 123456789 : null))));
    }
    return out;
  }

  /** {@code network.general.summary}: the addresses the box answers on. */
  Map<String, Object> networkSummary() {
    return map("ips", map("enp5s0", map("IPV4", List.of(address + "/24"), "IPV6", List.of("fe80::1/64"))),
        "default_routes", List.of("10.0.0.1"), "nameservers", List.of("10.0.0.1"));
  }

  List<Map<String, Object>> smbShares() {
    return List.of(map("id", 1, "name", "media", "path", "/mnt/tank/media", "enabled", true, "comment", "Films and music"),
        map("id", 2, "name", "old", "path", "/mnt/tank/old", "enabled", false, "comment", ""));
  }

  List<Map<String, Object>> nfsShares() {
    return List.of(map("id", 1, "path", "/mnt/fast/vms", "enabled", true, "networks", List.of("10.0.0.0/24"), "hosts", List.of()));
  }
}
