package dev.pulse.adapters.agents.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.ToLongFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the unified agent's host report (the schema {@code HostReportDecoder} reads) from two
 * readings of a host: CPU use and the network and disk rates come from their difference, so the
 * first report has none. Besides Pulse's schema it sends {@code metrics.netInBytesPerSecond},
 * {@code netOutBytesPerSecond}, {@code diskReadBytesPerSecond} and {@code diskWriteBytesPerSecond},
 * which other servers ignore.
 */
public final class HostReports {

  private HostReports() {}

  /**
   * @param previous the reading before, or {@code null} for the first report
   * @param previousAt when it was taken
   * @param agentVersion this agent's version
   */
  public static Map<String, Object> build(String agentId, String agentVersion, int intervalSeconds, HostSample previous,
      Instant previousAt, HostSample now, Instant at) {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("id", agentId);
    agent.put("version", agentVersion);
    agent.put("type", "unified");
    agent.put("intervalSeconds", intervalSeconds);
    agent.put("hostname", now.hostname());
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("hostname", now.hostname() == null ? "unknown" : now.hostname());
    put(host, "machineId", now.machineId());
    put(host, "dmiUuid", now.dmiUuid());
    host.put("platform", "linux");
    put(host, "kernelVersion", now.kernel());
    host.put("cpuCount", now.cpuCount());
    host.put("loadAverage", now.loadAverage());
    Map<String, Object> memory = new LinkedHashMap<>();
    put(memory, "totalBytes", now.memoryTotalBytes());
    put(memory, "usedBytes", now.memoryUsedBytes());
    put(memory, "swapTotalBytes", now.swapTotalBytes());
    put(memory, "swapUsedBytes", now.swapUsedBytes());
    Map<String, Object> metrics = new LinkedHashMap<>();
    Double cpu = previous == null || previous.cpu() == null || now.cpu() == null ? null : now.cpu().percentSince(previous.cpu());
    put(metrics, "cpuUsagePercent", cpu);
    metrics.put("memory", memory);
    double seconds = previous == null || previousAt == null ? 0 : Duration.between(previousAt, at).toMillis() / 1000.0;
    if (seconds > 0) {
      List<HostSample.NetCounters> before = physical(previous.network());
      List<HostSample.NetCounters> after = physical(now.network());
      put(metrics, "netInBytesPerSecond", rate(before, after, HostSample.NetCounters::rxBytes, seconds));
      put(metrics, "netOutBytesPerSecond", rate(before, after, HostSample.NetCounters::txBytes, seconds));
      put(metrics, "diskReadBytesPerSecond", rate(previous.disks().values(), now.disks().values(), HostSample.DiskCounters::readBytes, seconds));
      put(metrics, "diskWriteBytesPerSecond", rate(previous.disks().values(), now.disks().values(), HostSample.DiskCounters::writeBytes, seconds));
    }
    List<Object> network = new ArrayList<>();
    now.network().forEach((name, c) -> {
      Map<String, Object> nic = new LinkedHashMap<>();
      nic.put("name", name);
      put(nic, "mac", c.mac());
      if (!c.addresses().isEmpty()) {
        nic.put("addresses", c.addresses());
      }
      nic.put("rxBytes", c.rxBytes());
      nic.put("txBytes", c.txBytes());
      network.add(nic);
    });
    List<Object> disks = new ArrayList<>();
    for (HostSample.Mount m : now.mounts()) {
      if (m.totalBytes() != null && m.usedBytes() != null && m.totalBytes() > 0) {
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("device", m.device());
        disk.put("mountpoint", m.mountpoint());
        disk.put("type", m.type());
        disk.put("totalBytes", m.totalBytes());
        disk.put("usedBytes", m.usedBytes());
        disk.put("freeBytes", m.totalBytes() - m.usedBytes());
        disk.put("usage", m.usedBytes() * 100.0 / m.totalBytes());
        disks.add(disk);
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("agent", agent);
    report.put("host", host);
    report.put("metrics", metrics);
    report.put("disks", disks);
    report.put("network", network);
    report.put("sensors", Map.of("temperatureCelsius", now.temperaturesCelsius()));
    report.put("timestamp", at.toString());
    return report;
  }

  /** The report's {@code smart} list: this agent's addition, which other servers ignore. */
  public static List<Object> smart(List<SmartReader.SmartDisk> disks) {
    List<Object> out = new ArrayList<>();
    for (SmartReader.SmartDisk d : disks) {
      Map<String, Object> disk = new LinkedHashMap<>();
      disk.put("device", d.device());
      put(disk, "model", d.model());
      put(disk, "serial", d.serial());
      put(disk, "passed", d.passed());
      put(disk, "temperatureCelsius", d.temperatureCelsius());
      put(disk, "powerOnHours", d.powerOnHours());
      put(disk, "wearoutPercent", d.wearoutPercent());
      put(disk, "reallocatedSectors", d.reallocatedSectors());
      put(disk, "pendingSectors", d.pendingSectors());
      put(disk, "mediaErrors", d.mediaErrors());
      out.add(disk);
    }
    return out;
  }

  /**
   * The interfaces whose traffic is the host's own: bridges, veth pairs, taps and Proxmox firewall
   * bridges carry guests' traffic that the physical interfaces already count once.
   */
  static List<HostSample.NetCounters> physical(Map<String, HostSample.NetCounters> nics) {
    List<HostSample.NetCounters> out = new ArrayList<>();
    nics.forEach((name, c) -> {
      boolean virtual = name.equals("lo") || name.startsWith("veth") || name.equals("docker0") || name.startsWith("br-")
          || name.startsWith("tap") || name.startsWith("fwbr") || name.startsWith("fwln") || name.startsWith("fwpr");
      if (!virtual) {
        out.add(c);
      }
    });
    return out;
  }

  /**
   * Bytes per second summed over devices between two readings; {@code null} when a counter went
   * back (a reboot or a device swap), since a rate from a reset counter would be made up.
   */
  private static <T> Double rate(Collection<T> before, Collection<T> after, ToLongFunction<T> counter, double seconds) {
    long was = before.stream().mapToLong(counter).sum();
    long is = after.stream().mapToLong(counter).sum();
    if (before.size() != after.size() || is < was) {
      return null;
    }
    return (is - was) / seconds;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
