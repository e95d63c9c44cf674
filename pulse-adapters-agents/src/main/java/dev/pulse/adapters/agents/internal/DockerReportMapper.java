package dev.pulse.adapters.agents.internal;

import static dev.pulse.adapters.agents.internal.ReportChecks.blank;
import static dev.pulse.adapters.agents.internal.ReportChecks.blankToNull;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.DockerFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a Docker report to a {@code docker-host}, its {@code app-container}s and, from a Swarm
 * manager, its {@code docker-service}s. Docker's CPU % is of one CPU (up to 100 × CPUs); the model's
 * is of the resource's CPUs, so it is divided by the host's CPU count. Memory is used (without page
 * cache) over the limit, or over the host's memory when there is none. Pure. Internal: not API.
 */
public final class DockerReportMapper {

  public static final String PLATFORM = "docker";
  static final String HOST_KEY = "docker-host";
  private static final int MAX_LABELS = 64;
  private static final int MAX_TASK_ERRORS = 10;

  private DockerReportMapper() {}

  public static AgentReport map(DockerReportJson r) {
    DockerReportJson.Host host = r.host();
    if (host == null || blank(host.hostname())) {
      throw new InvalidReportException("host.hostname", "host.hostname is required");
    }
    String agentId = r.agent() != null && !blank(r.agent().id()) ? r.agent().id().strip()
        : !blank(host.machineId()) ? host.machineId().strip() : host.hostname().strip(); // as Pulse's Go server keys agents
    int interval = ReportChecks.interval(r.agent() == null ? null : r.agent().intervalSeconds(), "agent.intervalSeconds", 30);
    int cpus = host.totalCpu() == null ? 0 : host.totalCpu();
    long memory = host.totalMemoryBytes() == null ? 0 : host.totalMemoryBytes();
    List<ObservedResource> out = new ArrayList<>();
    List<DockerReportJson.Container> containers = r.containers() == null ? List.of() : r.containers();
    int running = 0;
    int unhealthy = 0;
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      DockerReportJson.Container c = containers.get(i);
      if (c == null) {
        continue;
      }
      ObservedResource container = container(c, "containers[" + i + "]", cpus, memory);
      if (!keys.add(container.sourceKey())) {
        continue; // one container listed twice: the first wins
      }
      DockerFacet.Container facet = container.facets().docker().container();
      running += facet.state().equals("running") ? 1 : 0;
      unhealthy += "unhealthy".equals(facet.health()) ? 1 : 0;
      out.add(container);
    }
    out.addAll(services(r.services(), r.tasks()));
    DockerReportJson.Swarm swarm = host.swarm();
    String runtime = blank(host.runtime()) ? "docker" : host.runtime().strip().toLowerCase(Locale.ROOT);
    DockerFacet.Host facet = new DockerFacet.Host(agentId, runtime,
        blankToNull(host.runtimeVersion() != null ? host.runtimeVersion() : host.dockerVersion()), blankToNull(host.os()),
        blankToNull(host.kernelVersion()), blankToNull(host.architecture()), cpus > 0 ? cpus : null, memory > 0 ? memory : null,
        keys.size(), running, unhealthy, swarm == null ? null : blankToNull(swarm.nodeRole()),
        swarm == null ? null : blankToNull(swarm.localState()), interval);
    Double cpu = host.cpuUsagePercent();
    Identity identity = new Identity(blankToNull(host.machineId()), null, List.of(host.hostname().strip()), List.of(), List.of());
    String name = blank(host.name()) ? host.hostname().strip() : host.name().strip();
    boolean swarmError = swarm != null && !blank(swarm.error());
    out.add(0, new ObservedResource(HOST_KEY, ResourceType.DOCKER_HOST, name, swarmError ? ResourceStatus.WARNING : ResourceStatus.ONLINE,
        null, identity, Metrics.of(cpu == null || cpus == 0 ? null : new CpuMetric(Math.min(100, Math.max(0, cpu)), cpus, PLATFORM),
            null, null), List.of(), Facets.NONE.withDocker(DockerFacet.ofHost(facet))));
    return new AgentReport(agentId, Duration.ofSeconds(interval), out);
  }

  private static ObservedResource container(DockerReportJson.Container c, String at, int hostCpus, long hostMemory) {
    String id = ReportChecks.requireText(c.id(), at + ".id");
    String name = blank(c.name()) ? id.substring(0, Math.min(12, id.length())) : c.name().strip().replaceFirst("^/", "");
    String state = blank(c.state()) ? "unknown" : c.state().strip().toLowerCase(Locale.ROOT);
    String health = blank(c.health()) ? healthFromStatus(c.status()) : c.health().strip().toLowerCase(Locale.ROOT);
    Map<String, String> labels = labels(c.labels());
    String project = labels.getOrDefault("com.docker.compose.project",
        c.podman() == null ? null : blankToNull(c.podman().composeProject()));
    String service = labels.getOrDefault("com.docker.compose.service",
        c.podman() == null ? null : blankToNull(c.podman().composeService()));
    boolean stopped = state.equals("exited") || state.equals("dead") || state.equals("restarting");
    DockerFacet.Container facet = new DockerFacet.Container(id, c.image() == null ? "" : c.image(), state, blankToNull(c.status()),
        health, c.restartCount() == null ? 0 : c.restartCount(), stopped && c.exitCode() != null ? c.exitCode() : null,
        c.oomKilled(), ReportChecks.time(c.createdAt(), at + ".createdAt"), ReportChecks.time(c.startedAt(), at + ".startedAt"),
        project, service, c.podman() == null ? null : blankToNull(c.podman().podName()), ports(c.ports()), labels);
    Metrics metrics = Metrics.of(cpu(c.cpuPercent(), hostCpus, at), memory(c, hostMemory, at), null)
        .withIo(ReportChecks.rate(c.netInBytesPerSecond(), at + ".netInBytesPerSecond", PLATFORM),
            ReportChecks.rate(c.netOutBytesPerSecond(), at + ".netOutBytesPerSecond", PLATFORM),
            ReportChecks.rate(c.diskReadBytesPerSecond(), at + ".diskReadBytesPerSecond", PLATFORM),
            ReportChecks.rate(c.diskWriteBytesPerSecond(), at + ".diskWriteBytesPerSecond", PLATFORM));
    if (!state.equals("running")) {
      metrics = Metrics.UNKNOWN; // a stopped container's last figures are not current
    }
    return new ObservedResource(SourceKeys.of("container-", id.substring(0, Math.min(12, id.length()))), ResourceType.APP_CONTAINER, name,
        status(state, health), HOST_KEY, Identity.EMPTY, metrics, project == null ? List.of() : List.of(project),
        Facets.NONE.withDocker(DockerFacet.ofContainer(facet)));
  }

  /** running → online, warning when unhealthy; restarting and paused → warning; the rest → offline. */
  static ResourceStatus status(String state, String health) {
    return switch (state) {
      case "running" -> "unhealthy".equals(health) ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
      case "restarting", "paused" -> ResourceStatus.WARNING;
      case "created", "exited", "dead", "removing" -> ResourceStatus.OFFLINE;
      default -> ResourceStatus.UNKNOWN;
    };
  }

  private static String healthFromStatus(String status) {
    if (status == null) {
      return null;
    }
    return status.contains("(unhealthy)") ? "unhealthy" : status.contains("(healthy)") ? "healthy"
        : status.contains("(health: starting)") ? "starting" : null;
  }

  private static CpuMetric cpu(Double dockerPercent, int hostCpus, String at) {
    if (dockerPercent == null) {
      return null;
    }
    if (!Double.isFinite(dockerPercent) || dockerPercent < 0) {
      throw new InvalidReportException(at + ".cpuPercent", at + ".cpuPercent must be a non-negative number");
    }
    int cores = hostCpus > 0 ? hostCpus : Math.max(1, (int) Math.ceil(dockerPercent / 100.0));
    return new CpuMetric(Math.min(100.0, dockerPercent / cores), cores, PLATFORM);
  }

  private static UsageMetric memory(DockerReportJson.Container c, long hostMemory, String at) {
    Long used = c.memoryUsageBytes();
    if (used == null) {
      return null;
    }
    if (used < 0) {
      throw new InvalidReportException(at + ".memoryUsageBytes", at + ".memoryUsageBytes must not be negative");
    }
    long limit = c.memoryLimitBytes() == null || c.memoryLimitBytes() <= 0
        || (hostMemory > 0 && c.memoryLimitBytes() > hostMemory) ? hostMemory : c.memoryLimitBytes();
    return limit > 0 ? UsageMetric.of(used, limit, PLATFORM) : null;
  }

  private static List<String> ports(List<DockerReportJson.Port> ports) {
    Set<String> out = new LinkedHashSet<>(); // Docker lists a published port once for IPv4 and once for IPv6
    if (ports != null) {
      for (DockerReportJson.Port p : ports) {
        if (p != null && p.privatePort() != null) {
          String proto = blank(p.protocol()) ? "tcp" : p.protocol();
          out.add((p.publicPort() != null && p.publicPort() > 0 ? p.publicPort() + "→" : "") + p.privatePort() + "/" + proto);
        }
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> labels(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>();
    if (labels != null) {
      labels.forEach((k, v) -> {
        if (k != null && v != null && out.size() < MAX_LABELS) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  private static List<ObservedResource> services(List<DockerReportJson.Service> services, List<DockerReportJson.Task> tasks) {
    List<ObservedResource> out = new ArrayList<>();
    if (services == null) {
      return out;
    }
    Map<String, List<String>> failures = new HashMap<>();
    if (tasks != null) {
      for (DockerReportJson.Task t : tasks) {
        if (t != null && t.serviceId() != null && "failed".equals(t.currentState())) {
          List<String> list = failures.computeIfAbsent(t.serviceId(), k -> new ArrayList<>());
          if (list.size() < MAX_TASK_ERRORS) {
            list.add((t.slot() == null ? "" : "slot " + t.slot() + ": ") + (blank(t.error()) ? "failed" : t.error()));
          }
        }
      }
    }
    for (int i = 0; i < services.size(); i++) {
      DockerReportJson.Service s = services.get(i);
      if (s == null) {
        continue;
      }
      String id = ReportChecks.requireText(s.id(), "services[" + i + "].id");
      Integer desired = s.desiredTasks();
      Integer running = s.runningTasks();
      ResourceStatus status = desired == null || running == null ? ResourceStatus.UNKNOWN
          : running >= desired ? ResourceStatus.ONLINE : running == 0 ? ResourceStatus.OFFLINE : ResourceStatus.WARNING;
      DockerFacet.Service facet = new DockerFacet.Service(id, blankToNull(s.stack()), blankToNull(s.image()), blankToNull(s.mode()),
          desired, running, failures.getOrDefault(id, List.of()));
      out.add(new ObservedResource(SourceKeys.of("service-", id), ResourceType.DOCKER_SERVICE, blank(s.name()) ? id : s.name(), status, HOST_KEY,
          Identity.EMPTY, Metrics.UNKNOWN, List.of(), Facets.NONE.withDocker(DockerFacet.ofService(facet))));
    }
    return out;
  }
}
