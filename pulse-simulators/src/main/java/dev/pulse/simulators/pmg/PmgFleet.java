package dev.pulse.simulators.pmg;

import static dev.pulse.simulators.internal.JsonExchange.map;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated Proxmox Mail Gateway cluster: {@code pmg1} (master) and {@code pmg2} (node). Mail
 * statistics mix numbers and numeric strings, as PMG sends them; qshape values are all strings.
 * pmg1's deferred queue grows by one recipient a minute from 37.
 */
final class PmgFleet {

  static final List<String> NODES = List.of("pmg1", "pmg2");

  private final Clock clock;
  private final long startEpoch;

  PmgFleet(Clock clock) {
    this.clock = clock;
    this.startEpoch = clock.instant().getEpochSecond();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  Map<String, Object> version() {
    return map("version", "8.1.4", "release", "8.1", "repoid", "5c5e2e6a");
  }

  List<Object> clusterStatus(String fingerprint) {
    List<Object> out = new ArrayList<>();
    out.add(map("cid", 1, "type", "master", "name", "pmg1", "ip", "10.0.0.30", "fingerprint", fingerprint, "insync", 1,
        "uptime", now() - startEpoch + 86_400, "cpu", 0.02 + (now() % 5) / 1000.0, "loadavg", List.of("0.10", "0.12", "0.09"),
        "memory", map("total", 4_124_151_808L, "used", 1_826_172_928L, "free", 2_297_978_880L), "pmgversion", "pmg-api/8.1.4/5c5e2e6a"));
    out.add(map("cid", 2, "type", "node", "name", "pmg2", "ip", "10.0.0.31", "fingerprint", fingerprint, "insync", 1,
        "uptime", now() - startEpoch + 43_200, "cpu", 0.01, "loadavg", List.of("0.05", "0.04", "0.01"),
        "memory", map("total", 4_124_151_808L, "used", 1_126_172_928L, "free", 2_997_978_880L), "pmgversion", "pmg-api/8.1.4/5c5e2e6a"));
    return out;
  }

  /** {@code /nodes}: the cluster's nodes, with the figures {@code /config/cluster/status} gives. */
  List<Object> nodes(String fingerprint) {
    List<Object> out = new ArrayList<>();
    for (Object member : clusterStatus(fingerprint)) {
      Map<?, ?> m = (Map<?, ?>) member;
      out.add(map("node", m.get("name"), "status", "online", "uptime", m.get("uptime"), "cpu", m.get("cpu")));
    }
    return out;
  }

  /** {@code /nodes/{node}/status}: one node's figures, the same as in {@code /config/cluster/status}. */
  Map<String, Object> nodeStatus(String node, String fingerprint) {
    for (Object member : clusterStatus(fingerprint)) {
      Map<?, ?> m = (Map<?, ?>) member;
      if (node.equals(m.get("name"))) {
        return map("uptime", m.get("uptime"), "cpu", m.get("cpu"), "loadavg", m.get("loadavg"), "memory", m.get("memory"),
            "pmgversion", m.get("pmgversion"), "insync", m.get("insync"));
      }
    }
    return null;
  }

  Map<String, Object> mailStatistics() {
    long minutes = (now() - startEpoch) / 60;
    return map("count", String.valueOf(15_230 + minutes * 10), "count_in", 13_002 + minutes * 9, "count_out", String.valueOf(2_228 + minutes),
        "spamcount_in", "3120", "viruscount_in", "12", "glcount", "845", "bounces_in", "57", "bytes_in", "2147483648",
        "junk_in", 4300, "rbl_rejects", 262, "pregreet_rejects", 0, "avptime", "0.8231");
  }

  Map<String, Object> spamStatus() {
    return map("count", 412, "mbytes", 96.3, "avgbytes", 245_101, "avgspam", 7.8);
  }

  long queueTotal(String node, String queue) {
    long minutes = (now() - startEpoch) / 60;
    return switch (queue) {
      case "deferred" -> node.equals("pmg1") ? 37 + minutes : 3;
      case "active" -> 2;
      case "hold" -> node.equals("pmg1") ? 1 : 0;
      default -> 0;
    };
  }

  List<Object> queueEntries(String node, String queue) {
    if (queueTotal(node, queue) == 0) {
      return List.of();
    }
    return List.of(map("queue_id", "4XyZ1234", "arrival_time", now() - 7200, "message_size", 20_480, "sender", "a@example.org",
        "receiver", "b@example.net", "reason", "connect to mx.example.net[192.0.2.4]:25: Connection timed out"));
  }

  List<Object> qshape(String node) {
    long deferred = queueTotal(node, "deferred");
    return List.of(map("domain", "TOTAL", "total", String.valueOf(deferred), "5m", "2", "10m", "1", "20m", "0", "40m", "3",
        "80m", "5", "160m", "6", "320m", node.equals("pmg1") ? "8" : "0", "640m", "0", "1280m", "0", "1280m+", "0"));
  }
}
