package dev.pulse.adapters.agents.host;

import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a Linux host from {@code /proc}, {@code /sys} and {@code /etc} under a root directory
 * ({@code /} on a real host, a fixture tree in tests). A file that is missing or unreadable leaves
 * its figures unknown; nothing here throws for a missing source. Thread-safe.
 */
public final class ProcHostReader {

  private static final Set<String> PSEUDO_FS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "cgroup", "cgroup2",
      "securityfs", "pstore", "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "bpf", "autofs",
      "squashfs", "overlay", "nsfs", "efivarfs", "binfmt_misc", "rpc_pipefs", "fuse.lxcfs", "ramfs");

  private final Path root;
  private final Function<String, List<String>> addresses;
  private final Function<String, Optional<MountSize>> sizes;

  /** A filesystem's size and the bytes in use. */
  public record MountSize(long totalBytes, long usedBytes) {}

  /** Reads the host under {@code root}; on {@code /} interface addresses come from the JDK. */
  public ProcHostReader(Path root) {
    this(root, root.toAbsolutePath().normalize().equals(Path.of("/")) ? ProcHostReader::jdkAddresses : name -> List.of());
  }

  /** @param addresses interface name → its addresses in CIDR form */
  public ProcHostReader(Path root, Function<String, List<String>> addresses) {
    this(root, addresses, mountpoint -> Optional.empty());
  }

  /**
   * @param addresses interface name → its addresses in CIDR form
   * @param sizes mount point → its size where it is not the filesystem under {@code root} (a
   *     simulated host); empty to ask the filesystem
   */
  public ProcHostReader(Path root, Function<String, List<String>> addresses, Function<String, Optional<MountSize>> sizes) {
    this.root = root;
    this.addresses = addresses;
    this.sizes = sizes;
  }

  public HostSample read() {
    Map<String, Long> meminfo = meminfo();
    Long total = meminfo.get("MemTotal");
    Long available = meminfo.get("MemAvailable");
    Long swapTotal = meminfo.get("SwapTotal");
    Long swapFree = meminfo.get("SwapFree");
    return new HostSample(firstLine("proc/sys/kernel/hostname"), firstLine("etc/machine-id"),
        firstLine("sys/class/dmi/id/product_uuid"), firstLine("proc/sys/kernel/osrelease"), cpuTimes(), cpuCount(),
        loadAverage(), total, total == null || available == null ? null : total - available, swapTotal,
        swapTotal == null || swapFree == null ? null : swapTotal - swapFree, network(), temperatures(), mounts(), diskstats());
  }

  private HostSample.CpuTimes cpuTimes() {
    for (String line : lines("proc/stat")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
          long v = Long.parseLong(f[i]);
          total += v;
          if (i == 4 || i == 5) {
            idle += v; // idle and iowait are not busy
          }
        }
        return new HostSample.CpuTimes(total - idle, total);
      }
    }
    return null;
  }

  private int cpuCount() {
    int n = 0;
    for (String line : lines("proc/stat")) {
      if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
        n++;
      }
    }
    return n;
  }

  private List<Double> loadAverage() {
    String line = firstLine("proc/loadavg");
    List<Double> out = new ArrayList<>();
    if (line != null) {
      String[] f = line.split("\\s+");
      for (int i = 0; i < 3 && i < f.length; i++) {
        out.add(Double.parseDouble(f[i]));
      }
    }
    return out;
  }

  /** {@code /proc/meminfo} in bytes (the file says kB, meaning KiB). */
  private Map<String, Long> meminfo() {
    Map<String, Long> out = new HashMap<>();
    for (String line : lines("proc/meminfo")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        try {
          long v = Long.parseLong(f[0]);
          out.put(line.substring(0, colon), f.length > 1 && f[1].equals("kB") ? v * 1024 : v);
        } catch (NumberFormatException e) {
          // a line the kernel formats differently: skip it
        }
      }
    }
    return out;
  }

  private Map<String, HostSample.NetCounters> network() {
    Map<String, HostSample.NetCounters> out = new LinkedHashMap<>();
    for (String line : lines("proc/net/dev")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue; // the two header lines
      }
      String name = line.substring(0, colon).trim();
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (!name.equals("lo") && f.length >= 9) {
        String mac = firstLine("sys/class/net/" + name + "/address");
        out.put(name, new HostSample.NetCounters(Long.parseLong(f[0]), Long.parseLong(f[8]), mac, addresses.apply(name)));
      }
    }
    return out;
  }

  /** {@code /sys/class/hwmon/*} and {@code /sys/class/thermal/thermal_zone*}, millidegrees → °C. */
  private Map<String, Double> temperatures() {
    Map<String, Double> out = new TreeMap<>();
    for (Path hwmon : children("sys/class/hwmon")) {
      String chip = read(hwmon.resolve("name"));
      for (Path input : children(hwmon)) {
        String file = input.getFileName().toString();
        if (file.startsWith("temp") && file.endsWith("_input")) {
          Double celsius = millidegrees(read(input));
          String label = read(hwmon.resolve(file.replace("_input", "_label")));
          if (celsius != null) {
            out.put((chip == null ? hwmon.getFileName().toString() : chip) + "/" + (label == null ? file.replace("_input", "") : label),
                celsius);
          }
        }
      }
    }
    for (Path zone : children("sys/class/thermal")) {
      if (zone.getFileName().toString().startsWith("thermal_zone")) {
        Double celsius = millidegrees(read(zone.resolve("temp")));
        String type = read(zone.resolve("type"));
        if (celsius != null) {
          out.put("thermal/" + (type == null ? zone.getFileName().toString() : type), celsius);
        }
      }
    }
    return out;
  }

  private List<HostSample.Mount> mounts() {
    List<HostSample.Mount> out = new ArrayList<>();
    Set<String> devices = new LinkedHashSet<>();
    for (String line : lines("proc/mounts")) {
      String[] f = line.split("\\s+");
      if (f.length < 3 || PSEUDO_FS.contains(f[2]) || !devices.add(f[0])) {
        continue; // pseudo filesystems, and bind mounts of a device already listed
      }
      String mountpoint = f[1].replace("\\040", " ");
      Long total = null;
      Long used = null;
      Optional<MountSize> given = sizes.apply(mountpoint);
      if (given.isPresent()) {
        total = given.get().totalBytes();
        used = given.get().usedBytes();
      } else {
        try {
          FileStore store = Files.getFileStore(root.resolve(mountpoint.substring(1)));
          total = store.getTotalSpace();
          used = total - store.getUnallocatedSpace();
        } catch (IOException | RuntimeException e) {
          // not mounted under this root, or not readable: size unknown
        }
      }
      out.add(new HostSample.Mount(f[0], mountpoint, f[2], total, used));
    }
    return out;
  }

  /** Whole disks from {@code /proc/diskstats}: partitions, loop, ram and device-mapper devices left out. */
  private Map<String, HostSample.DiskCounters> diskstats() {
    Map<String, HostSample.DiskCounters> out = new LinkedHashMap<>();
    for (String line : lines("proc/diskstats")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 10) {
        continue;
      }
      String name = f[2];
      boolean virtual = name.startsWith("loop") || name.startsWith("ram") || name.startsWith("dm-") || name.startsWith("zd");
      boolean partition = Files.isDirectory(root.resolve("sys/block")) ? !Files.isDirectory(root.resolve("sys/block/" + name))
          : name.matches("(sd|vd|hd|xvd)[a-z]+\\d+|.*\\dp\\d+");
      if (virtual || partition) {
        continue;
      }
      try {
        out.put(name, new HostSample.DiskCounters(Long.parseLong(f[5]) * 512, Long.parseLong(f[9]) * 512));
      } catch (NumberFormatException e) {
        // a line this reader does not understand is skipped
      }
    }
    return out;
  }

  /** The interface's addresses in CIDR form, as the JDK sees them. */
  private static List<String> jdkAddresses(String name) {
    try {
      NetworkInterface nic = NetworkInterface.getByName(name);
      if (nic == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (InterfaceAddress a : nic.getInterfaceAddresses()) {
        String text = a.getAddress().getHostAddress();
        int zone = text.indexOf('%');
        out.add((zone >= 0 ? text.substring(0, zone) : text) + "/" + a.getNetworkPrefixLength());
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Double millidegrees(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim()) / 1000.0;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private List<Path> children(String relative) {
    return children(root.resolve(relative));
  }

  private static List<Path> children(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(out::add);
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  private List<String> lines(String relative) {
    try {
      return Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private String firstLine(String relative) {
    List<String> lines = lines(relative);
    return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
  }

  private static String read(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).trim();
      return s.isEmpty() ? null : s;
    } catch (IOException e) {
      return null;
    }
  }
}
