package dev.pulse.domain.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Docker or Podman facts; exactly one part is set, by what the resource is.
 *
 * @param host a Docker host (the Engine)
 * @param container one container on it
 * @param service a Swarm service, seen from a manager
 */
public record DockerFacet(@Nullable Host host, @Nullable Container container, @Nullable Service service) {

  public static DockerFacet ofHost(Host host) {
    return new DockerFacet(host, null, null);
  }

  public static DockerFacet ofContainer(Container container) {
    return new DockerFacet(null, container, null);
  }

  public static DockerFacet ofService(Service service) {
    return new DockerFacet(null, null, service);
  }

  /**
   * @param runtime {@code docker} or {@code podman}
   * @param swarmRole {@code manager}, {@code worker}, or {@code null} outside a swarm
   */
  public record Host(String agentId, String runtime, @Nullable String runtimeVersion, @Nullable String os,
      @Nullable String kernel, @Nullable String architecture, @Nullable Integer cpus, @Nullable Long memoryTotalBytes,
      int containers, int running, int unhealthy, @Nullable String swarmRole, @Nullable String swarmState,
      int intervalSeconds) {}

  /**
   * @param state as the engine says: created, running, paused, restarting, removing, exited, dead
   * @param health healthy, unhealthy, starting, or {@code null} without a health check
   * @param exitCode the last exit code, {@code null} while it never exited
   * @param oomKilled whether the kernel killed it for memory; {@code null} when the agent does not say
   * @param ports published ports, for example {@code 8080→80/tcp}
   */
  public record Container(String containerId, String image, String state, @Nullable String statusText,
      @Nullable String health, int restartCount, @Nullable Integer exitCode, @Nullable Boolean oomKilled,
      @Nullable Instant createdAt, @Nullable Instant startedAt, @Nullable String composeProject,
      @Nullable String composeService, @Nullable String podName, List<String> ports, Map<String, String> labels) {

    public Container {
      ports = List.copyOf(ports);
      labels = Map.copyOf(labels);
    }
  }

  /**
   * @param mode {@code replicated} or {@code global}
   * @param failedTasks tasks of this service that failed, with their error
   */
  public record Service(String serviceId, @Nullable String stack, @Nullable String image, @Nullable String mode,
      @Nullable Integer desiredTasks, @Nullable Integer runningTasks, List<String> failedTasks) {

    public Service {
      failedTasks = List.copyOf(failedTasks);
    }
  }
}
