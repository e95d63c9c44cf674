package dev.pulse.adapters.agents.runner;

import dev.pulse.adapters.agents.host.SmartReader;
import dev.pulse.adapters.agents.kubernetes.KubernetesAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the agent finds what it reports besides the host, looked up each cycle so that a Docker or
 * a cluster that appears later is picked up.
 *
 * @param dockerSocket the Engine API socket, when there is one
 * @param kubernetes the cluster's API, when the agent runs in one or was given a kubeconfig
 * @param smart reads disk health, finding nothing where smartctl is missing
 */
public record AgentSources(Supplier<Optional<Path>> dockerSocket, KubernetesFinder kubernetes, SmartReader smart) {

  /** Finds the cluster to read. */
  @FunctionalInterface
  public interface KubernetesFinder {
    /** @throws IOException when a cluster is configured but its credentials cannot be read */
    Optional<KubernetesAccess> find() throws IOException;
  }

  /** No Docker, no cluster, no SMART. */
  public static AgentSources none() {
    return new AgentSources(Optional::empty, Optional::empty, new SmartReader(args -> Optional.empty()));
  }
}
