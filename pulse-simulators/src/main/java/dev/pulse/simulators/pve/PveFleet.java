package dev.pulse.simulators.pve;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Proxmox VE cluster: three nodes (one offline), guests and storage, whose figures
 * move with the clock. The figures are pure functions of time, so two reads at the same instant
 * agree, and a test with a fixed clock sees fixed figures.
 */
public final class PveFleet {

  static final long GIB = 1L << 30;
  static final long TIB = 1L << 40;

  final String clusterName;
  final List<SimNode> nodes;
  final List<SimGuest> guests;
  final List<SimStorage> storages;
  private final Clock clock;
  private final long bootEpoch;
  private final long startEpoch;
  private final java.util.Map<String, Boolean> onlineOverride = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Double> usageOverride = new java.util.concurrent.ConcurrentHashMap<>();

  private PveFleet(String clusterName, List<SimNode> nodes, List<SimGuest> guests, List<SimStorage> storages, Clock clock) {
    this.clusterName = clusterName;
    this.nodes = List.copyOf(nodes);
    this.guests = List.copyOf(guests);
    this.storages = List.copyOf(storages);
    this.clock = clock;
    this.startEpoch = clock.instant().getEpochSecond();
    this.bootEpoch = startEpoch - 864_000;
  }

  /** A simulated node. */
  record SimNode(String name, int nodeid, String ip, boolean online, int cores, int threads, long maxmem,
      long maxdisk, double cpuBase, double memFraction, String model) {}

  /** A simulated guest. {@code type} is {@code qemu} or {@code lxc}. */
  record SimGuest(int vmid, String type, String node, String name, String status, boolean template,
      String lock, String tags, String pool, String hastate, int cpus, long maxmem, long maxdisk,
      double cpuBase, double memFraction, double diskFraction) {}

  /** A simulated storage; {@code node} is {@code null} when every node lists it. */
  record SimStorage(String storage, String plugintype, boolean shared, String content, long total,
      double usedFraction, String node) {}

  /** The standard demo cluster: 3 nodes, 34 guests, local and shared storage. */
  public static PveFleet homelab(Clock clock) {
    List<SimNode> nodes = List.of(
        new SimNode("pve1", 1, "10.0.0.11", true, 8, 16, 64 * GIB, 100 * GIB, 0.18, 0.42, "AMD Ryzen 7 5700G with Radeon Graphics"),
        new SimNode("pve2", 2, "10.0.0.12", true, 6, 12, 32 * GIB, 100 * GIB, 0.31, 0.61, "Intel(R) Core(TM) i5-10500T CPU @ 2.30GHz"),
        new SimNode("pve3", 3, "10.0.0.13", false, 4, 8, 16 * GIB, 50 * GIB, 0, 0, "Intel(R) N100"));
    List<SimGuest> guests = new ArrayList<>();
    String[] roles = {"web", "db", "cache", "mq", "git", "ci", "mon", "dns", "proxy", "media", "backup", "vpn"};
    int vmid = 100;
    for (int i = 0; i < 24; i++) {
      String node = i % 3 == 2 ? "pve2" : "pve1";
      boolean lxc = i % 2 == 1;
      String status = i % 7 == 6 ? "stopped" : "running";
      String name = roles[i % roles.length] + String.format("%02d", i / roles.length + 1);
      String tags = i % 4 == 0 ? "prod;" + roles[i % roles.length] : i % 4 == 1 ? "lab, test" : null;
      String pool = i % 5 == 0 ? "prod" : null;
      String hastate = i % 6 == 0 ? "started" : null;
      guests.add(new SimGuest(vmid++, lxc ? "lxc" : "qemu", node, name, status, false, null, tags, pool, hastate,
          lxc ? 2 : 4, (lxc ? 2 : 8) * GIB, (lxc ? 8 : 32) * GIB,
          0.02 + (i % 5) * 0.06, 0.25 + (i % 4) * 0.15, 0.20 + (i % 3) * 0.2));
    }
    guests.add(new SimGuest(vmid++, "qemu", "pve1", "backup-target", "running", false, "backup", "infra", null, "started",
        2, 4 * GIB, 64 * GIB, 0.45, 0.5, 0));
    guests.add(new SimGuest(vmid++, "qemu", "pve2", "win11-desktop", "paused", false, null, "desktop", null, null,
        4, 16 * GIB, 128 * GIB, 0, 0.97, 0));
    guests.add(new SimGuest(9000, "qemu", "pve1", "debian12-template", "stopped", true, null, "template", null, null,
        2, 2 * GIB, 16 * GIB, 0, 0, 0));
    guests.add(new SimGuest(9001, "lxc", "pve2", "alpine-template", "stopped", true, null, null, null, null,
        1, GIB / 2, 4 * GIB, 0, 0, 0));
    for (int i = 0; i < 6; i++) {
      guests.add(new SimGuest(300 + i, i % 2 == 0 ? "qemu" : "lxc", "pve3", "lab-" + i, "unknown", false, null, null, null, null,
          2, 2 * GIB, 16 * GIB, 0, 0, 0));
    }
    List<SimStorage> storages = List.of(
        new SimStorage("local", "dir", false, "iso,vztmpl,backup", 100 * GIB, 0.35, null),
        new SimStorage("local-zfs", "zfspool", false, "images,rootdir", 900 * GIB, 0.48, null),
        new SimStorage("nas-backup", "nfs", true, "backup", 4 * TIB, 0.93, null),
        new SimStorage("ceph-vm", "rbd", true, "images,rootdir", 12 * TIB, 0.32, null),
        new SimStorage("usb-archive", "dir", false, "backup", 2 * TIB, 0.51, "pve2"));
    return new PveFleet("homelab", nodes, guests, storages, clock);
  }

  /** The demo cluster plus {@code extra} running guests spread over the online nodes, for load tests. */
  public static PveFleet homelabWith(Clock clock, int extra) {
    PveFleet base = homelab(clock);
    if (extra <= 0) {
      return base;
    }
    List<SimGuest> guests = new ArrayList<>(base.guests);
    for (int i = 0; i < extra; i++) {
      int vmid = 10_000 + i;
      boolean lxc = i % 3 == 0;
      guests.add(new SimGuest(vmid, lxc ? "lxc" : "qemu", i % 2 == 0 ? "pve1" : "pve2", "load-" + vmid, "running", false, null,
          i % 5 == 0 ? "load;synthetic" : null, null, null, 2, 2 * GIB, 16 * GIB, 0.01 + (i % 40) / 100.0, 0.3 + (i % 5) / 10.0, 0.4));
    }
    return new PveFleet(base.clusterName, base.nodes, guests, base.storages, clock);
  }

  /** This fleet with some nodes' cluster addresses replaced (node name → IP). */
  PveFleet withNodeAddresses(java.util.Map<String, String> addresses) {
    if (addresses.isEmpty()) {
      return this;
    }
    List<SimNode> moved = nodes.stream().map(n -> !addresses.containsKey(n.name()) ? n
        : new SimNode(n.name(), n.nodeid(), addresses.get(n.name()), n.online(), n.cores(), n.threads(), n.maxmem(), n.maxdisk(),
            n.cpuBase(), n.memFraction(), n.model())).toList();
    return new PveFleet(clusterName, moved, guests, storages, clock);
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** When the simulation started, in epoch seconds: the scenario's events are timed from here. */
  long startEpoch() {
    return startEpoch;
  }

  SimGuest guest(int vmid) {
    return guests.stream().filter(g -> g.vmid() == vmid).findFirst().orElse(null);
  }

  long uptime() {
    return now() - bootEpoch;
  }

  /**
   * A fraction that drifts smoothly within {@code base ± amplitude}, different per seed, changing
   * every second. Clamped to 0..1.
   */
  double wave(double base, double amplitude, int seed) {
    return waveAt(base, amplitude, seed, clock.millis() / 1000.0);
  }

  /** The same figure at another time (epoch seconds), for history: the newest point is the current figure. */
  double waveAt(double base, double amplitude, int seed, double t) {
    double v = base + amplitude * (0.6 * Math.sin(t / 20.0 + seed * 1.7) + 0.4 * Math.sin(t / 3.1 + seed));
    return Math.max(0.0, Math.min(1.0, v));
  }

  /** Takes a node offline or brings it back, as a power cut or a reboot would. */
  void setOnline(String name, boolean online) {
    onlineOverride.put(name, online);
  }

  /** Fills a storage to this fraction (0–1) on every node, as a backup run or a clean-up would. */
  void setStorageUsage(String storage, double fraction) {
    usageOverride.put(storage, fraction);
  }

  /** How full a storage is now: its scenario figure unless a test changed it. */
  double usedFraction(SimStorage s) {
    return usageOverride.getOrDefault(s.storage(), s.usedFraction());
  }

  /** Whether the node is up now: its scenario state unless a test changed it. */
  boolean online(SimNode n) {
    return onlineOverride.getOrDefault(n.name(), n.online());
  }

  SimNode node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
  }

  boolean nodeOnline(String name) {
    SimNode n = node(name);
    return n != null && online(n);
  }
}
