package dev.pulse.simulators.pve;

import static dev.pulse.simulators.internal.JsonExchange.map;

import dev.pulse.simulators.pve.PveFleet.SimGuest;
import dev.pulse.simulators.pve.PveFleet.SimNode;
import dev.pulse.simulators.pve.PveFleet.SimStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read paths general PVE clients use beyond what Pulse polls (a node's storage and containers,
 * a guest's current status and configuration, cluster tasks and replication, RRD history), each
 * answered from the same figures as {@code /cluster/resources}, so a client sees one cluster.
 */
final class PveClientResponses {

  /** PVE's RRD archives: the step of each timeframe, 70 rows each. */
  private static final Map<String, Long> RRD_STEP = Map.of("hour", 60L, "day", 1_800L, "week", 10_800L, "month", 43_200L,
      "year", 604_800L);
  private static final int RRD_ROWS = 70;

  private final PveFleet fleet;
  private final PveResponses responses;
  private final PveProtectionResponses protection;

  PveClientResponses(PveFleet fleet, PveResponses responses, PveProtectionResponses protection) {
    this.fleet = fleet;
    this.responses = responses;
    this.protection = protection;
  }

  /** {@code /nodes/{node}/storage}: the storages this node sees, sizes as in {@code /cluster/resources}. */
  List<Object> nodeStorage(SimNode node) {
    List<Object> out = new ArrayList<>();
    for (SimStorage s : fleet.storages) {
      if (s.node() != null && !s.node().equals(node.name())) {
        continue;
      }
      Map<String, Object> entry = responses.storageEntry(s, node);
      boolean active = "available".equals(entry.get("status"));
      Map<String, Object> e = map("storage", s.storage(), "type", s.plugintype(), "content", s.content(),
          "shared", s.shared() ? 1 : 0, "enabled", 1, "active", active ? 1 : 0);
      if (active) {
        long total = ((Number) entry.get("maxdisk")).longValue();
        long used = ((Number) entry.get("disk")).longValue();
        e.put("total", total);
        e.put("used", used);
        e.put("avail", total - used);
        e.put("used_fraction", total == 0 ? 0.0 : (double) used / total);
      }
      out.add(e);
    }
    return out;
  }

  /** {@code /nodes/{node}/lxc}: the node's containers, as {@code /nodes/{node}/qemu} lists its VMs. */
  List<Object> lxcList(SimNode node) {
    List<Object> out = new ArrayList<>();
    for (SimGuest g : fleet.guests) {
      if (g.node().equals(node.name()) && g.type().equals("lxc")) {
        out.add(status(g));
      }
    }
    return out;
  }

  /** {@code /nodes/{node}/{qemu|lxc}/{vmid}/status/current}: the guest's figures, typed as PVE sends them here. */
  Map<String, Object> status(SimGuest g) {
    Map<String, Object> r = responses.guestEntry(g);
    Map<String, Object> out = map("vmid", g.vmid(), "name", g.name(), "status", r.get("status"), "type", g.type(),
        "cpus", g.cpus(), "maxmem", g.maxmem(), "maxdisk", g.maxdisk(), "template", g.template() ? 1 : 0);
    for (String key : List.of("cpu", "mem", "disk", "netin", "netout", "diskread", "diskwrite", "uptime", "tags", "lock")) {
      Object v = r.get(key);
      if (v != null) {
        out.put(key, v instanceof String text && !key.equals("tags") && !key.equals("lock") ? Long.parseLong(text) : v);
      }
    }
    if (g.type().equals("qemu")) {
      out.put("qmpstatus", r.get("status"));
      out.put("agent", PveDetailResponses.hasAgent(g) ? 1 : 0);
    }
    out.put("ha", g.hastate() == null ? map("managed", 0) : map("managed", 1, "state", g.hastate()));
    return out;
  }

  /** {@code /nodes/{node}/{qemu|lxc}/{vmid}/config}: the guest's configuration. */
  Map<String, Object> config(SimGuest g) {
    long memoryMib = g.maxmem() / (1024 * 1024);
    long diskGib = g.maxdisk() / PveFleet.GIB;
    String disk = "local-lvm:vm-" + g.vmid() + "-disk-0,size=" + diskGib + "G";
    String mac = String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", g.vmid() / 256 % 256, g.vmid() % 256, g.cpus());
    Map<String, Object> c = g.type().equals("qemu")
        ? map("name", g.name(), "cores", g.cpus(), "sockets", 1, "memory", String.valueOf(memoryMib), "ostype", "l26",
            "scsihw", "virtio-scsi-single", "scsi0", disk, "boot", "order=scsi0", "net0", "virtio=" + mac + ",bridge=vmbr0",
            "agent", PveDetailResponses.hasAgent(g) ? "1" : "0", "onboot", 1)
        : map("hostname", g.name(), "cores", g.cpus(), "memory", memoryMib, "swap", 512, "ostype", "debian", "arch", "amd64",
            "rootfs", disk, "net0", "name=eth0,bridge=vmbr0,hwaddr=" + mac + ",ip=dhcp,type=veth", "unprivileged", 1,
            "onboot", 1);
    if (g.tags() != null) {
      c.put("tags", g.tags());
    }
    if (g.template()) {
      c.put("template", 1);
    }
    if (g.lock() != null) {
      c.put("lock", g.lock());
    }
    c.put("digest", Integer.toHexString((g.vmid() + g.name()).hashCode()));
    return c;
  }

  /** {@code /cluster/tasks}: the recent tasks of the nodes that are up, newest first. */
  List<Object> clusterTasks() {
    List<Object> out = new ArrayList<>();
    for (SimNode n : fleet.nodes) {
      if (fleet.online(n)) {
        out.addAll(protection.vzdumpTasks(n));
      }
    }
    out.sort(Comparator.comparingLong(t -> -((Number) ((Map<?, ?>) t).get("starttime")).longValue()));
    return out;
  }

  /** {@code /cluster/replication}: the replication jobs' configuration, as the nodes run them. */
  List<Object> clusterReplication() {
    List<Object> out = new ArrayList<>();
    for (SimNode n : fleet.nodes) {
      if (!fleet.online(n)) {
        continue;
      }
      for (Object job : protection.replication(n)) {
        Map<?, ?> j = (Map<?, ?>) job;
        out.add(map("id", j.get("id"), "type", j.get("type"), "guest", j.get("guest"), "jobnum", j.get("jobnum"),
            "target", j.get("target"), "source", j.get("source"), "schedule", j.get("schedule")));
      }
    }
    return out;
  }

  /**
   * {@code rrddata?timeframe=hour|day|week|month|year}: 70 rows at the timeframe's step, the newest
   * at the current figures; {@code null} for another timeframe (PVE answers 400).
   */
  List<Object> rrd(SimNode node, SimGuest guest, String timeframe) {
    Long step = RRD_STEP.get(timeframe == null ? "hour" : timeframe);
    if (step == null) {
      return null;
    }
    long newest = fleet.now() / step * step;
    List<Object> out = new ArrayList<>();
    for (int i = RRD_ROWS - 1; i >= 0; i--) {
      long t = newest - i * step;
      out.add(guest == null ? nodeRow(node, t) : guestRow(guest, t));
    }
    return out;
  }

  private Map<String, Object> nodeRow(SimNode n, long t) {
    if (!fleet.online(n)) {
      return map("time", t);
    }
    double mem = fleet.waveAt(n.memFraction(), 0.02, n.nodeid() + 11, t);
    return map("time", t, "cpu", fleet.waveAt(n.cpuBase(), 0.07, n.nodeid(), t), "maxcpu", n.threads(),
        "memtotal", n.maxmem(), "memused", (long) (n.maxmem() * mem), "loadavg", 0.4 + n.nodeid() / 10.0, "iowait", 0.002,
        "roottotal", n.maxdisk(), "rootused", (long) (n.maxdisk() * 0.15), "netin", 120_000.0, "netout", 80_000.0);
  }

  private Map<String, Object> guestRow(SimGuest g, long t) {
    if (!g.status().equals("running") || !fleet.nodeOnline(g.node())) {
      return map("time", t, "maxcpu", g.cpus(), "maxmem", g.maxmem(), "maxdisk", g.maxdisk());
    }
    return map("time", t, "cpu", fleet.waveAt(g.cpuBase(), g.cpuBase() * 0.5 + 0.005, g.vmid(), t), "maxcpu", g.cpus(),
        "mem", g.maxmem() * fleet.waveAt(g.memFraction(), 0.03, g.vmid() + 7, t), "maxmem", g.maxmem(),
        "disk", 0.0, "maxdisk", g.maxdisk(), "netin", 1024.0 * (g.vmid() % 13 + 1), "netout", 512.0 * (g.vmid() % 13 + 1),
        "diskread", 3072.0 * (g.vmid() % 13 + 1), "diskwrite", 2048.0 * (g.vmid() % 13 + 1));
  }
}
