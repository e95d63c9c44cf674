package dev.pulse.adapters.agents.internal;

import static dev.pulse.adapters.agents.internal.ReportChecks.blank;
import static dev.pulse.adapters.agents.internal.ReportChecks.blankToNull;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.AgentFacet;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.HostFacet;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a host report to one {@code agent} resource: CPU over the host's CPU count, memory as the
 * agent measured it (MemTotal − MemAvailable), the root filesystem as its disk, identity evidence
 * (machine-id, DMI UUID, hostname, addresses, MACs) for matching, and the rest in the agent facet.
 * A degraded RAID array or a disk whose SMART check fails makes the host {@code warning}. Pure. Internal: not API.
 */
public final class HostReportMapper {

  public static final String PLATFORM = "agent";
  static final int DEFAULT_INTERVAL_SECONDS = 30;

  private HostReportMapper() {}

  public static AgentReport map(HostReportJson r) {
    if (r.agent() == null || blank(r.agent().id())) {
      throw new InvalidReportException("agent.id", "agent.id is required");
    }
    if (r.host() == null || blank(r.host().hostname())) {
      throw new InvalidReportException("host.hostname", "host.hostname is required");
    }
    if (r.agent().intervalSeconds() != null && (r.agent().intervalSeconds() < 1 || r.agent().intervalSeconds() > 3600)) {
      throw new InvalidReportException("agent.intervalSeconds", "agent.intervalSeconds must be between 1 and 3600");
    }
    HostReportJson.Host host = r.host();
    int interval = r.agent().intervalSeconds() == null ? DEFAULT_INTERVAL_SECONDS : r.agent().intervalSeconds();
    int cpus = host.cpuCount() == null ? 0 : host.cpuCount();
    Double cpuPercent = r.metrics() == null ? null : r.metrics().cpuUsagePercent();
    if (cpuPercent != null && (cpuPercent < 0 || cpuPercent > 100.0001 || cpuPercent.isNaN())) {
      throw new InvalidReportException("metrics.cpuUsagePercent", "metrics.cpuUsagePercent must be between 0 and 100");
    }
    HostReportJson.Memory mem = r.metrics() == null ? null : r.metrics().memory();
    List<AgentFacet.Filesystem> filesystems = filesystems(r.disks());
    Metrics metrics = Metrics.of(
            cpuPercent == null ? null : new CpuMetric(Math.min(cpuPercent, 100.0), cpus, PLATFORM),
            mem == null ? null : UsageMetric.of(mem.usedBytes(), mem.totalBytes(), PLATFORM),
            rootDisk(filesystems))
        .withSwap(mem == null ? null : UsageMetric.of(mem.swapUsedBytes(), mem.swapTotalBytes(), PLATFORM));
    if (r.metrics() != null) {
      HostReportJson.Metrics m = r.metrics();
      metrics = metrics.withIo(ReportChecks.rate(m.netInBytesPerSecond(), "metrics.netInBytesPerSecond", PLATFORM),
          ReportChecks.rate(m.netOutBytesPerSecond(), "metrics.netOutBytesPerSecond", PLATFORM),
          ReportChecks.rate(m.diskReadBytesPerSecond(), "metrics.diskReadBytesPerSecond", PLATFORM),
          ReportChecks.rate(m.diskWriteBytesPerSecond(), "metrics.diskWriteBytesPerSecond", PLATFORM));
    }
    List<AgentFacet.Interface> nics = interfaces(r.network());
    Set<String> ips = new LinkedHashSet<>();
    Set<String> macs = new LinkedHashSet<>();
    for (AgentFacet.Interface nic : nics) {
      nic.addresses().forEach(a -> ips.add(a.contains("/") ? a.substring(0, a.indexOf('/')) : a));
      if (nic.mac() != null) {
        macs.add(nic.mac());
      }
    }
    Set<String> hostnames = new LinkedHashSet<>(List.of(host.hostname()));
    if (!blank(r.agent().hostname())) {
      hostnames.add(r.agent().hostname());
    }
    Identity identity = new Identity(blankToNull(host.machineId()), blankToNull(host.dmiUuid()), List.copyOf(hostnames),
        List.copyOf(ips), List.copyOf(macs));
    HostFacet hostFacet = new HostFacet(blankToNull(host.kernelVersion()),
        blank(host.osName()) ? null : (host.osName() + (blank(host.osVersion()) ? "" : " " + host.osVersion())),
        blankToNull(host.cpuModel()), null, null, host.cpuCount(), host.loadAverage() == null ? List.of() : host.loadAverage(),
        mem == null || mem.totalBytes() == null || mem.usedBytes() == null ? null : mem.totalBytes() - mem.usedBytes(), null, null);
    List<AgentFacet.Raid> raid = raid(r.raid());
    List<AgentFacet.Smart> smart = smart(r.smart());
    AgentFacet agent = new AgentFacet(r.agent().id(), blankToNull(r.agent().version()), interval, blankToNull(host.osName()),
        blankToNull(host.osVersion()), blankToNull(host.architecture()), finite(r.sensors() == null ? null : r.sensors().temperatureCelsius()),
        finite(r.sensors() == null ? null : r.sensors().fanRpm()), filesystems, nics, raid, smart);
    boolean degraded = raid.stream().anyMatch(a -> a.failedDevices() > 0 || a.state().contains("degraded"))
        || smart.stream().anyMatch(d -> Boolean.FALSE.equals(d.passed()));
    String name = blank(host.displayName()) ? host.hostname() : host.displayName();
    ObservedResource resource = new ObservedResource("host", ResourceType.AGENT, name,
        degraded ? ResourceStatus.WARNING : ResourceStatus.ONLINE, null, identity, metrics,
        r.tags() == null ? List.of() : r.tags().stream().filter(t -> t != null && !t.isBlank()).distinct().toList(),
        Facets.NONE.withHost(hostFacet).withAgent(agent));
    return new AgentReport(r.agent().id(), Duration.ofSeconds(interval), List.of(resource));
  }

  private static List<AgentFacet.Filesystem> filesystems(List<HostReportJson.Disk> disks) {
    List<AgentFacet.Filesystem> out = new ArrayList<>();
    if (disks == null) {
      return out;
    }
    for (int i = 0; i < disks.size(); i++) {
      HostReportJson.Disk d = disks.get(i);
      if (d == null || blank(d.mountpoint()) || d.totalBytes() == null || d.usedBytes() == null) {
        continue;
      }
      if (d.totalBytes() < 0 || d.usedBytes() < 0) {
        throw new InvalidReportException("disks[" + i + "]", "disks[" + i + "] has a negative size");
      }
      out.add(new AgentFacet.Filesystem(blankToNull(d.device()), d.mountpoint(), blankToNull(d.type()), d.usedBytes(), d.totalBytes()));
    }
    return out;
  }

  /** The root filesystem, or the largest one when the agent did not report {@code /}. */
  private static UsageMetric rootDisk(List<AgentFacet.Filesystem> filesystems) {
    AgentFacet.Filesystem pick = filesystems.stream().filter(f -> f.mountpoint().equals("/")).findFirst()
        .orElse(filesystems.stream().max(Comparator.comparingLong(AgentFacet.Filesystem::totalBytes)).orElse(null));
    return pick == null ? null : UsageMetric.of(pick.usedBytes(), pick.totalBytes(), PLATFORM);
  }

  private static List<AgentFacet.Interface> interfaces(List<HostReportJson.Nic> nics) {
    List<AgentFacet.Interface> out = new ArrayList<>();
    if (nics != null) {
      for (HostReportJson.Nic n : nics) {
        if (n != null && !blank(n.name())) {
          out.add(new AgentFacet.Interface(n.name(), blankToNull(n.mac()),
              n.addresses() == null ? List.of() : n.addresses().stream().filter(a -> a != null && !a.isBlank()).toList(),
              n.rxBytes(), n.txBytes()));
        }
      }
    }
    return out;
  }

  private static List<AgentFacet.Raid> raid(List<HostReportJson.Raid> arrays) {
    List<AgentFacet.Raid> out = new ArrayList<>();
    if (arrays != null) {
      for (HostReportJson.Raid a : arrays) {
        if (a != null && !blank(a.device())) {
          out.add(new AgentFacet.Raid(a.device(), a.level() == null ? "unknown" : a.level(), a.state() == null ? "unknown" : a.state(),
              orZero(a.totalDevices()), orZero(a.activeDevices()), orZero(a.failedDevices()),
              a.rebuildPercent() == null ? 0 : a.rebuildPercent()));
        }
      }
    }
    return out;
  }

  private static List<AgentFacet.Smart> smart(List<HostReportJson.Smart> disks) {
    List<AgentFacet.Smart> out = new ArrayList<>();
    if (disks != null) {
      for (HostReportJson.Smart d : disks) {
        if (d != null && !blank(d.device())) {
          out.add(new AgentFacet.Smart(d.device(), blankToNull(d.model()), blankToNull(d.serial()), d.passed(),
              d.temperatureCelsius() != null && Double.isFinite(d.temperatureCelsius()) ? d.temperatureCelsius() : null,
              d.powerOnHours(), d.wearoutPercent(), d.reallocatedSectors(), d.pendingSectors(), d.mediaErrors()));
        }
      }
    }
    return out;
  }

  private static Map<String, Double> finite(Map<String, Double> readings) {
    if (readings == null) {
      return Map.of();
    }
    Map<String, Double> out = new java.util.TreeMap<>();
    readings.forEach((k, v) -> {
      if (k != null && v != null && Double.isFinite(v)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
