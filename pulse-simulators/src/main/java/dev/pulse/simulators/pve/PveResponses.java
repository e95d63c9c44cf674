package dev.pulse.simulators.pve;

import static dev.pulse.simulators.internal.JsonExchange.map;

import dev.pulse.simulators.pve.PveFleet.SimGuest;
import dev.pulse.simulators.pve.PveFleet.SimNode;
import dev.pulse.simulators.pve.PveFleet.SimStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bodies of the PVE API's read endpoints, built from a {@link PveFleet} with the real API's
 * field names, units and quirks: fractions for CPU, bytes for sizes, 0/1 booleans, numbers as
 * strings where Perl sends them so, absent fields on offline nodes, and qemu {@code disk} always 0.
 */
final class PveResponses {

  private final PveFleet fleet;

  PveResponses(PveFleet fleet) {
    this.fleet = fleet;
  }

  Map<String, Object> version() {
    return map("version", "8.2.4", "release", "8.2", "repoid", "faa83925c9641325", "console", "html5");
  }

  List<Object> clusterStatus() {
    List<Object> out = new ArrayList<>();
    long online = fleet.nodes.stream().filter(fleet::online).count();
    // not sorted, like the real endpoint: nodes first, the cluster entry last
    for (int i = fleet.nodes.size() - 1; i >= 0; i--) {
      SimNode n = fleet.nodes.get(i);
      Map<String, Object> entry = map("type", "node", "id", "node/" + n.name(), "name", n.name(), "nodeid", n.nodeid(),
          "local", n.nodeid() == 1 ? 1 : 0, "online", fleet.online(n) ? 1 : 0, "level", fleet.online(n) ? "c" : "");
      if (fleet.online(n)) {
        entry.put("ip", n.ip());
      }
      out.add(entry);
    }
    out.add(map("type", "cluster", "id", "cluster", "name", fleet.clusterName, "nodes", fleet.nodes.size(),
        "version", 7, "quorate", online * 2 > fleet.nodes.size() ? 1 : 0));
    return out;
  }

  List<Object> nodes() {
    List<Object> out = new ArrayList<>();
    for (SimNode n : fleet.nodes) {
      Map<String, Object> e = nodeEntry(n);
      e.remove("id");
      e.put("id", "node/" + n.name());
      e.put("ssl_fingerprint", "AB:CD:EF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC");
      out.add(e);
    }
    return out;
  }

  /** {@code /cluster/resources}, optionally filtered by {@code type} (vm, storage, node, sdn). */
  List<Object> clusterResources(String typeFilter) {
    List<Object> out = new ArrayList<>();
    if (typeFilter == null || typeFilter.equals("node")) {
      fleet.nodes.forEach(n -> out.add(nodeEntry(n)));
    }
    if (typeFilter == null || typeFilter.equals("vm")) {
      fleet.guests.forEach(g -> out.add(guestEntry(g)));
    }
    if (typeFilter == null || typeFilter.equals("storage")) {
      for (SimNode n : fleet.nodes) {
        for (SimStorage s : fleet.storages) {
          if (s.node() == null || s.node().equals(n.name())) {
            out.add(storageEntry(s, n));
          }
        }
      }
    }
    if (typeFilter == null) {
      out.add(map("id", "/pool/prod", "type", "pool", "pool", "prod", "cpu", 0.08, "maxcpu", 16, "mem", 8 * PveFleet.GIB));
      out.add(map("id", "sdn/pve1/localnetwork", "type", "sdn", "sdn", "localnetwork", "node", "pve1", "status", "ok"));
      out.add(map("id", "network/pve1/vmbr0", "type", "network", "network", "vmbr0", "node", "pve1", "status", "ok"));
    }
    return out;
  }

  Map<String, Object> nodeStatus(SimNode n) {
    double cpu = cpu(n);
    long memUsed = memUsed(n);
    long rootUsed = (long) (n.maxdisk() * 0.15);
    Map<String, Object> out = map(
        "uptime", fleet.uptime(),
        "loadavg", List.of(load(cpu * n.threads()), load(cpu * n.threads() * 1.1), load(cpu * n.threads() * 0.9)),
        "cpu", cpu,
        "wait", 0.0012,
        "kversion", "Linux 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) x86_64",
        "cpuinfo", map("model", n.model(), "sockets", 1, "cores", n.cores(), "cpus", n.threads(), "mhz", "3800.000",
            "hvm", "1", "flags", "fpu vme de pse"),
        "memory", map("total", n.maxmem(), "free", n.maxmem() - memUsed - n.maxmem() / 10,
            "available", n.maxmem() - memUsed, "used", memUsed),
        "swap", map("total", 8589930496L, "free", 8589930496L, "used", 0),
        "pveversion", "pve-manager/8.2.4/faa83925c9641325",
        "rootfs", map("total", n.maxdisk(), "avail", n.maxdisk() - rootUsed - n.maxdisk() / 20, "used", rootUsed,
            "free", n.maxdisk() - rootUsed),
        "current-kernel", map("sysname", "Linux", "release", "6.8.12-4-pve", "machine", "x86_64"),
        "boot-info", map("mode", "efi", "secureboot", 0));
    return out;
  }

  /** A node as {@code /cluster/resources} lists it. */
  Map<String, Object> nodeEntry(SimNode n) {
    Map<String, Object> e = map("id", "node/" + n.name(), "type", "node", "node", n.name(),
        "status", fleet.online(n) ? "online" : "offline", "maxcpu", n.threads(), "maxmem", n.maxmem(),
        "maxdisk", n.maxdisk(), "level", fleet.online(n) ? "c" : "");
    if (fleet.online(n)) { // offline nodes keep only the max* fields
      e.put("cpu", cpu(n));
      e.put("mem", memUsed(n));
      e.put("disk", (long) (n.maxdisk() * 0.15));
      e.put("uptime", fleet.uptime());
    }
    return e;
  }

  /** A guest as {@code /cluster/resources} lists it; the other guest paths answer from it. */
  Map<String, Object> guestEntry(SimGuest g) {
    String id = g.type() + "/" + g.vmid();
    if (g.status().equals("unknown") || !fleet.nodeOnline(g.node())) { // guests on an offline node: no name, no figures
      return map("id", id, "type", g.type(), "vmid", g.vmid(), "node", g.node(), "status", "unknown",
          "template", 0, "maxcpu", g.cpus(), "maxmem", g.maxmem(), "maxdisk", g.maxdisk());
    }
    boolean running = g.status().equals("running") || g.status().equals("paused");
    // the amplitude keeps even an idle running guest above 0
    double cpu = g.status().equals("running") ? fleet.wave(g.cpuBase(), g.cpuBase() * 0.5 + 0.005, g.vmid()) : 0.0;
    long mem = running ? (long) (g.maxmem() * fleet.wave(g.memFraction(), 0.03, g.vmid() + 7)) : 0;
    long disk = g.type().equals("lxc") && running ? (long) (g.maxdisk() * g.diskFraction()) : 0; // qemu disk is always 0
    long uptime = running ? fleet.uptime() - g.vmid() * 60L : 0;
    long io = running ? uptime * 1024L * (g.vmid() % 13 + 1) : 0;
    Map<String, Object> e = map("id", id, "type", g.type(),
        "vmid", g.type().equals("lxc") && g.vmid() % 4 == 1 ? String.valueOf(g.vmid()) : g.vmid(),
        "node", g.node(), "name", g.name(), "status", g.status(), "template", g.template() ? 1 : 0,
        "cpu", cpu, "maxcpu", g.cpus(), "mem", g.vmid() == 105 ? String.valueOf(mem) : mem, "maxmem", g.maxmem(),
        "disk", disk, "maxdisk", g.maxdisk(), "netin", io, "netout", io / 2, "diskread", io * 3, "diskwrite", io * 2,
        "uptime", uptime);
    putIfSet(e, "tags", g.tags());
    putIfSet(e, "pool", g.pool());
    putIfSet(e, "hastate", g.hastate());
    putIfSet(e, "lock", g.lock());
    return e;
  }

  /** A storage of a node as {@code /cluster/resources} lists it. */
  Map<String, Object> storageEntry(SimStorage s, SimNode n) {
    Map<String, Object> e = map("id", "storage/" + n.name() + "/" + s.storage(), "type", "storage",
        "storage", s.storage(), "node", n.name(), "plugintype", s.plugintype(), "shared", s.shared() ? 1 : 0,
        "content", s.content());
    if (!fleet.online(n)) { // inactive: status unknown and no size fields
      e.put("status", "unknown");
      return e;
    }
    e.put("status", "available");
    double base = fleet.usedFraction(s);
    double used = s.shared() ? base : base + n.nodeid() * 0.01;
    e.put("disk", (long) (s.total() * Math.min(used, 1.0)));
    e.put("maxdisk", s.total());
    return e;
  }

  private double cpu(SimNode n) {
    return fleet.wave(n.cpuBase(), 0.07, n.nodeid());
  }

  private long memUsed(SimNode n) {
    return (long) (n.maxmem() * fleet.wave(n.memFraction(), 0.02, n.nodeid() + 11));
  }

  private static String load(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
