package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.GuestFacet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads QEMU guest agent answers ({@code {"result": …}} inside PVE's {@code data}): filesystems
 * without pseudo filesystems and without counting bind mounts twice, addresses without loopback
 * and link-local ones, and the OS name. Pure. Internal: not API.
 */
public final class AgentParser {

  private static final Set<String> PSEUDO_FS = Set.of("tmpfs", "devtmpfs", "squashfs", "overlay", "iso9660", "udf",
      "proc", "sysfs", "cgroup", "cgroup2", "ramfs", "autofs", "fuse.lxcfs", "nsfs", "efivarfs");

  private AgentParser() {}

  public static List<GuestFacet.Filesystem> filesystems(JsonNode data) {
    List<GuestFacet.Filesystem> out = new ArrayList<>();
    Set<String> seenDevices = new HashSet<>();
    for (JsonNode fs : data.path("result")) {
      String type = PveJson.text(fs, "type");
      Long total = PveJson.whole(fs, "total-bytes");
      Long used = PveJson.whole(fs, "used-bytes");
      String mount = PveJson.text(fs, "mountpoint");
      if (type == null || PSEUDO_FS.contains(type.toLowerCase(Locale.ROOT)) || total == null || used == null || mount == null) {
        continue;
      }
      Set<String> devices = new TreeSet<>();
      for (JsonNode disk : fs.path("disk")) {
        String dev = PveJson.text(disk, "dev");
        if (dev != null) {
          devices.add(dev);
        }
      }
      String identity = devices.isEmpty() ? "name:" + PveJson.text(fs, "name") : String.join(",", devices);
      if (seenDevices.add(identity)) { // a bind mount repeats its device: count it once
        out.add(new GuestFacet.Filesystem(mount, type, used, total));
      }
    }
    return out;
  }

  public static List<String> addresses(JsonNode data) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode nic : data.path("result")) {
      if ("lo".equals(PveJson.text(nic, "name"))) {
        continue;
      }
      for (JsonNode addr : nic.path("ip-addresses")) {
        String ip = PveJson.text(addr, "ip-address");
        if (ip != null && informative(ip)) {
          out.add(ip);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** LXC's {@code /interfaces}: {@code inet} and {@code inet6} in CIDR form, or {@code ip-addresses}. */
  public static List<String> containerAddresses(JsonNode data) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode nic : data) {
      if ("lo".equals(PveJson.text(nic, "name"))) {
        continue;
      }
      for (String field : List.of("inet", "inet6")) {
        String cidr = PveJson.text(nic, field);
        if (cidr != null) {
          String ip = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
          if (informative(ip)) {
            out.add(ip);
          }
        }
      }
      for (JsonNode addr : nic.path("ip-addresses")) {
        String ip = PveJson.text(addr, "ip-address");
        if (ip != null && informative(ip)) {
          out.add(ip);
        }
      }
    }
    return new ArrayList<>(out);
  }

  public static String osName(JsonNode data) {
    JsonNode result = data.path("result");
    String pretty = PveJson.text(result, "pretty-name");
    return pretty != null ? pretty : PveJson.text(result, "name");
  }

  private static boolean informative(String ip) {
    String lower = ip.toLowerCase(Locale.ROOT);
    return !(lower.startsWith("127.") || lower.equals("::1") || lower.startsWith("fe80:") || lower.startsWith("169.254."));
  }
}
