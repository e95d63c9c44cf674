package dev.pulse.simulators.pve;

import static dev.pulse.simulators.internal.JsonExchange.map;

import dev.pulse.simulators.pve.PveFleet.SimGuest;
import dev.pulse.simulators.pve.PveFleet.SimNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The slower PVE endpoints of the simulated cluster: per-node guest lists with balloon info, the
 * QEMU guest agent, LXC interfaces, physical disks with SMART, and ZFS pools. The scenario moves
 * on: pve2's {@code /dev/sdb} gathers reallocated sectors and fails SMART 10 minutes after start,
 * and its {@code tank} pool is degraded with checksum errors.
 */
final class PveDetailResponses {

  private static final long GIB = PveFleet.GIB;

  private final PveFleet fleet;

  PveDetailResponses(PveFleet fleet) {
    this.fleet = fleet;
  }

  /** VMs with an agent: every running qemu guest whose vmid is a multiple of 4. */
  static boolean hasAgent(SimGuest g) {
    return g.type().equals("qemu") && g.status().equals("running") && g.vmid() % 4 == 0;
  }

  /** VMs with a reporting balloon driver: every running qemu guest whose vmid ends in 0 or 4. */
  static boolean hasBalloon(SimGuest g) {
    return g.type().equals("qemu") && g.status().equals("running") && (g.vmid() % 10 == 0 || g.vmid() % 10 == 4);
  }

  List<Object> qemuList(SimNode node) {
    List<Object> out = new ArrayList<>();
    for (SimGuest g : fleet.guests) {
      if (!g.node().equals(node.name()) || !g.type().equals("qemu")) {
        continue;
      }
      Map<String, Object> vm = map("vmid", g.vmid(), "name", g.name(), "status", g.status(), "cpus", g.cpus(),
          "maxmem", g.maxmem(), "maxdisk", g.maxdisk(), "qmpstatus", g.status());
      if (hasBalloon(g)) {
        long actual = g.maxmem() * 3 / 4;
        vm.put("ballooninfo", map("actual", actual, "max_mem", g.maxmem(), "total_mem", actual - 200 * 1024 * 1024L,
            "free_mem", actual / 3, "last_update", fleet.now()));
      }
      out.add(vm);
    }
    return out;
  }

  /** An agent answer, or {@code null} when the guest has no running agent (PVE answers 500). */
  Object agent(SimGuest g, String command) {
    if (!hasAgent(g)) {
      return null;
    }
    return switch (command) {
      case "get-fsinfo" -> map("result", List.of(
          map("name", "sda1", "mountpoint", "/", "type", "ext4", "total-bytes", 30 * GIB,
              "used-bytes", (long) (30 * GIB * fleet.wave(0.4, 0.02, g.vmid() + 3)),
              "disk", List.of(map("dev", "/dev/sda1", "bus-type", "scsi", "serial", "0QEMU_QEMU_HARDDISK_drive-scsi0"))),
          map("name", "sda1", "mountpoint", "/var/lib/docker", "type", "ext4", "total-bytes", 30 * GIB,
              "used-bytes", (long) (30 * GIB * fleet.wave(0.4, 0.02, g.vmid() + 3)),
              "disk", List.of(map("dev", "/dev/sda1", "bus-type", "scsi"))), // a bind mount of /
          map("name", "sdb1", "mountpoint", "/srv", "type", "xfs", "total-bytes", 100 * GIB, "used-bytes", 61 * GIB,
              "disk", List.of(map("dev", "/dev/sdb1", "bus-type", "scsi"))),
          map("name", "tmpfs", "mountpoint", "/run", "type", "tmpfs", "total-bytes", GIB, "used-bytes", 1024L, "disk", List.of()),
          map("name", "sr0", "mountpoint", "/media/cdrom", "type", "iso9660", "disk", List.of())));
      case "network-get-interfaces" -> map("result", List.of(
          map("name", "lo", "hardware-address", "00:00:00:00:00:00", "ip-addresses", List.of(
              map("ip-address-type", "ipv4", "ip-address", "127.0.0.1", "prefix", 8),
              map("ip-address-type", "ipv6", "ip-address", "::1", "prefix", 128))),
          map("name", "eth0", "hardware-address", String.format("bc:24:11:00:%02x:%02x", g.vmid() / 256, g.vmid() % 256),
              "ip-addresses", List.of(
                  map("ip-address-type", "ipv4", "ip-address", "10.0.1." + (g.vmid() % 250), "prefix", 24),
                  map("ip-address-type", "ipv6", "ip-address", "fe80::be24:11ff:fe00:" + Integer.toHexString(g.vmid()), "prefix", 64)),
              "statistics", map("rx-bytes", 1234, "tx-bytes", 4321))));
      case "get-osinfo" -> map("result", map("id", "debian", "name", "Debian GNU/Linux",
          "pretty-name", "Debian GNU/Linux 12 (bookworm)", "version-id", "12", "kernel-release", "6.1.0-27-amd64"));
      default -> null;
    };
  }

  List<Object> lxcInterfaces(SimGuest g) {
    return List.of(
        map("name", "lo", "hwaddr", "00:00:00:00:00:00", "inet", "127.0.0.1/8", "inet6", "::1/128"),
        map("name", "eth0", "hwaddr", "bc:24:11:aa:00:" + String.format("%02x", g.vmid() % 256),
            "inet", "10.0.2." + (g.vmid() % 250) + "/24"));
  }

  private boolean sdbFailing() {
    return fleet.now() - fleet.startEpoch() >= 600;
  }

  /** {@code /apt/update}: pve1 has three packages waiting, one from the security repository. */
  List<Object> pendingUpdates(SimNode node) {
    if (!node.name().equals("pve1")) {
      return List.of();
    }
    return List.of(
        map("Package", "pve-manager", "Title", "Proxmox Virtual Environment Management Tools", "OldVersion", "8.2.4",
            "Version", "8.2.7", "Origin", "Proxmox", "Priority", "optional", "Section", "admin"),
        map("Package", "openssl", "Title", "Secure Sockets Layer toolkit", "OldVersion", "3.0.14-1~deb12u1",
            "Version", "3.0.15-1~deb12u1", "Origin", "Debian", "Priority", "optional", "Section", "utils"),
        map("Package", "libc6", "Title", "GNU C Library", "OldVersion", "2.36-9+deb12u7", "Version", "2.36-9+deb12u9",
            "Origin", "Debian-Security", "Priority", "optional", "Section", "libs"));
  }

  List<Object> disks(SimNode node) {
    List<Object> out = new ArrayList<>();
    out.add(map("devpath", "/dev/nvme0n1", "type", "nvme", "model", "Samsung SSD 980 PRO 1TB", "serial", "S5GX" + node.nodeid() + "NF0R",
        "wwn", "eui.002538b" + node.nodeid(), "size", 1000204886016L, "rpm", 0, "health", "PASSED", "wearout", 97 - node.nodeid(),
        "gpt", 1, "used", "ZFS", "osdid", -1));
    out.add(map("devpath", "/dev/sda", "type", "ssd", "model", "CT1000MX500SSD1", "serial", "2046E4C1" + node.nodeid(),
        "wwn", "unknown", "size", 1000204886016L, "rpm", 0, "health", "PASSED", "wearout", node.nodeid() == 2 ? 8 : 88,
        "gpt", 1, "used", "LVM", "osdid", -1));
    if (node.name().equals("pve2")) {
      out.add(map("devpath", "/dev/sdb", "type", "hdd", "model", "WDC WD40EFRX-68N32N0", "serial", "WD-WCC7K4KLN2X",
          "wwn", "0x50014ee2b9d6c3a1", "size", 4000787030016L, "rpm", 5400, "health", sdbFailing() ? "FAILED" : "PASSED",
          "wearout", "N/A", "gpt", 1, "used", "ZFS", "osdid", -1));
    }
    return out;
  }

  Map<String, Object> smart(SimNode node, String disk) {
    if (disk == null) {
      return null;
    }
    if (disk.startsWith("/dev/nvme")) {
      return map("health", "PASSED", "type", "text", "text",
          "SMART/Health Information (NVMe Log 0x02)\nCritical Warning: 0x00\nTemperature: " + (38 + node.nodeid())
              + " Celsius\nAvailable Spare: 100%\n");
    }
    long reallocated = disk.equals("/dev/sdb") ? Math.max(0, (fleet.now() - fleet.startEpoch()) / 10) : 0;
    return map("health", disk.equals("/dev/sdb") && sdbFailing() ? "FAILED" : "PASSED", "type", "ata", "attributes", List.of(
        map("id", "  5", "name", "Reallocated_Sector_Ct", "value", 100, "worst", 100, "threshold", 10, "raw", String.valueOf(reallocated)),
        map("id", "194", "name", "Temperature_Celsius", "value", 66, "worst", 55, "threshold", 0,
            "raw", (31 + node.nodeid()) + " (Min/Max 20/45)")));
  }

  List<Object> zfsPools(SimNode node) {
    List<Object> out = new ArrayList<>();
    out.add(map("name", "rpool", "size", 998579896320L, "alloc", 190052360192L + node.nodeid() * GIB, "free", 808527536128L,
        "frag", 7, "dedup", 1.0, "health", "ONLINE"));
    if (node.name().equals("pve2")) {
      out.add(map("name", "tank", "size", 3985729650688L, "alloc", 2791728742400L, "free", 1194000908288L, "frag", 23,
          "dedup", "1.00", "health", "DEGRADED"));
    }
    return out;
  }

  Map<String, Object> zfsPool(SimNode node, String name) {
    if (name.equals("rpool")) {
      return map("name", "rpool", "state", "ONLINE", "errors", "No known data errors", "children", List.of(
          map("name", "nvme0n1p3", "state", "ONLINE", "read", 0, "write", 0, "cksum", 0, "leaf", 1)));
    }
    if (name.equals("tank") && node.name().equals("pve2")) {
      return map("name", "tank", "state", "DEGRADED", "errors", "No known data errors", "children", List.of(
          map("name", "mirror-0", "state", "DEGRADED", "read", 0, "write", 0, "cksum", 0, "children", List.of(
              map("name", "sdb", "state", "FAULTED", "read", 3, "write", 0, "cksum", 12, "leaf", 1),
              map("name", "sdc", "state", "ONLINE", "read", 0, "write", 0, "cksum", 0, "leaf", 1)))));
    }
    return null;
  }
}
