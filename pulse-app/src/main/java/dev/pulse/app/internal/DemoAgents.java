package dev.pulse.app.internal;

import dev.pulse.adapters.agents.host.ProcHostReader;
import dev.pulse.adapters.agents.host.SmartReader;
import dev.pulse.adapters.agents.runner.AgentOptions;
import dev.pulse.adapters.agents.runner.AgentRunner;
import dev.pulse.adapters.agents.runner.AgentSources;
import dev.pulse.simulators.agent.ReportSamples;
import dev.pulse.simulators.agent.SimulatedHost;
import dev.pulse.adapters.agents.kubernetes.KubernetesAccess;
import dev.pulse.simulators.docker.DockerEngineSimulator;
import dev.pulse.simulators.kubernetes.KubernetesSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo mode's agents: real {@link AgentRunner}s reading simulated hosts and posting over real HTTP
 * with a report-only token. One runs on the simulated PVE node {@code pve1} (same hostname and
 * cluster address), so it shows merged into that node; one runs on {@code docker1}, whose Docker
 * Engine is simulated on a unix socket and which reads a simulated Kubernetes cluster through a
 * kubeconfig. Internal: not API.
 */
public final class DemoAgents implements AutoCloseable {

  private final List<AutoCloseable> parts;
  private final Path dir;

  private DemoAgents(List<AutoCloseable> parts, Path dir) {
    this.parts = parts;
    this.dir = dir;
  }

  public static DemoAgents start(URI server, String reportToken, String version, Clock clock) throws IOException {
    Path dir = Files.createTempDirectory("pulse-demo-agents-");
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      DockerEngineSimulator docker = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock).start();
      parts.add(docker);
      // each host its own memory and disk: pve1 as the PVE node it merges into, docker1 a smaller box of its own
      SimulatedHost pve1 = new SimulatedHost(dir.resolve("pve1"), "pve1", "a1b2c3d4e5f60718293a4b5c6d7e8f90", 0.18,
          SimulatedHost.Figures.PVE_NODE, clock);
      parts.add(pve1);
      SimulatedHost docker1 = new SimulatedHost(dir.resolve("docker1"), "docker1", "0f9e8d7c6b5a49382716051423324150", 0.35,
          new SimulatedHost.Figures(16L << 30, 0.63, 500L << 30, 0.38), clock);
      parts.add(docker1);
      KubernetesSimulator k8s = KubernetesSimulator.builder().token(reportToken + "-k8s").clock(clock).start();
      parts.add(k8s);
      Path kubeconfig = kubeconfig(dir, k8s, reportToken + "-k8s");
      parts.add(runner(server, reportToken, version, clock, pve1, "10.0.0.11/24", "off", null, "off",
          new AgentSources(Optional::empty, Optional::empty, new SmartReader(args -> Optional.ofNullable(ReportSamples.smartctl(args))))));
      parts.add(runner(server, reportToken, version, clock, docker1, "10.0.0.31/24", "on", docker.socket(), "on",
          new AgentSources(Optional::empty, () -> Optional.of(KubernetesAccess.fromKubeconfig(kubeconfig)),
              AgentSources.none().smart())));
    } catch (IOException | RuntimeException e) {
      closeAll(parts);
      throw e;
    }
    return new DemoAgents(parts, dir);
  }

  /** A kubeconfig for the simulated cluster, as an operator would give the agent with --kubeconfig. */
  private static Path kubeconfig(Path dir, KubernetesSimulator k8s, String token) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, String.join("\n", "apiVersion: v1", "kind: Config", "current-context: demo",
        "clusters:", "- name: demo-k8s", "  cluster:", "    server: " + k8s.baseUrl(),
        "    certificate-authority-data: " + Base64.getEncoder().encodeToString(k8s.caPem().getBytes(StandardCharsets.US_ASCII)),
        "contexts:", "- name: demo", "  context: {cluster: demo-k8s, user: pulse}",
        "users:", "- name: pulse", "  user:", "    token: " + token, ""));
    return file;
  }

  private static AgentRunner runner(URI server, String token, String version, Clock clock, SimulatedHost host, String address,
      String docker, Path socket, String kubernetes, AgentSources sources) {
    List<String> args = new ArrayList<>(List.of("--url", server.toString(), "--token", token, "--interval", "10s",
        "--docker", docker, "--kubernetes", kubernetes));
    if (socket != null) {
      args.addAll(List.of("--docker-socket", socket.toString()));
    }
    AgentOptions options = AgentOptions.parse(args.toArray(String[]::new), path -> token);
    SimulatedHost.Figures figures = host.figures();
    ProcHostReader reader = new ProcHostReader(host.root(), nic -> nic.equals("eth0") ? List.of(address) : List.of(),
        mount -> mount.equals("/") ? Optional.of(new ProcHostReader.MountSize(figures.diskBytes(), figures.diskUsedBytes()))
            : Optional.empty());
    return new AgentRunner(options, version, reader, clock, sources).start();
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
  }

  @Override
  public void close() {
    closeAll(parts);
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
