package dev.pulse.adapters.agents.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.simulators.ManualClock;
import dev.pulse.simulators.docker.DockerEngineSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker collector against the Engine API simulator on a real unix socket. */
class DockerCollectorIT {

  private static final long MIB = 1L << 20;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> report, String name) {
    return ((List<Map<String, Object>>) report.get("containers")).stream()
        .filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
  }

  private Map<String, Object> twoSamples(DockerCollector collector) throws IOException {
    collector.collect("a1", "test", 10, "docker1", "mid");
    clock.advance(Duration.ofSeconds(10));
    return collector.collect("a1", "test", 10, "docker1", "mid");
  }

  @Test
  void cpuComesFromTheCollectorsOwnPreviousSampleAndMemoryLeavesOutPageCache() throws Exception {
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      Map<String, Object> first = collector.collect("a1", "test", 10, "docker1", "mid");
      assertFalse(container(first, "nginx").containsKey("cpuPercent"), "one-shot stats have no precpu: no CPU on the first report");

      clock.advance(Duration.ofSeconds(10));
      Map<String, Object> report = collector.collect("a1", "test", 10, "docker1", "mid");

      Map<String, Object> nginx = container(report, "nginx");
      assertEquals(25.0, (Double) nginx.get("cpuPercent"), 1e-6, "0.25 of a CPU is 25 % as Docker counts");
      assertEquals(150.0, (Double) container(report, "worker").get("cpuPercent"), 1e-6, "Docker's CPU % can pass 100");
      assertEquals(48 * MIB, nginx.get("memoryUsageBytes"), "usage − inactive_file");
      assertEquals(32L << 30, nginx.get("memoryLimitBytes"), "no limit: the host's memory");
      assertEquals(2048 * MIB, container(report, "postgres").get("memoryLimitBytes"));
      assertEquals(50_000.0, (Double) nginx.get("netInBytesPerSecond"), 1e-6);
      assertEquals(1_048_576.0, (Double) container(report, "postgres").get("diskReadBytesPerSecond"), 1e-6);
      assertEquals("healthy", nginx.get("health"));
      assertEquals("web", ((Map<?, ?>) nginx.get("labels")).get("com.docker.compose.project"));
    }
  }

  @Test
  void failureStatesAreReportedAsTheEngineTellsThem() throws Exception {
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      Map<String, Object> report = twoSamples(collector);

      assertEquals("unhealthy", container(report, "worker").get("health"));
      assertEquals(14, container(report, "flaky").get("restartCount"));
      assertEquals("restarting", container(report, "flaky").get("state"));
      assertEquals(137, container(report, "batch").get("exitCode"));
      assertEquals(true, container(report, "batch").get("oomKilled"));
      assertEquals("paused", container(report, "redis").get("state"));
      assertFalse(container(report, "init-db").containsKey("startedAt"), "the zero time means never started");
      assertEquals(7, ((List<?>) report.get("containers")).size());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSwarmManagerReportsServicesAndFailedTasks() throws Exception {
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      Map<String, Object> report = collector.collect("a1", "test", 10, "docker1", "mid");

      List<Map<String, Object>> services = (List<Map<String, Object>>) report.get("services");
      Map<String, Object> nginx = services.stream().filter(s -> s.get("name").equals("web_nginx")).findFirst().orElseThrow();
      assertEquals(3, nginx.get("desiredTasks"));
      assertEquals(2, nginx.get("runningTasks"));
      assertEquals("web", nginx.get("stack"));
      List<Map<String, Object>> tasks = (List<Map<String, Object>>) report.get("tasks");
      assertTrue(tasks.stream().anyMatch(t -> "task: non-zero exit (1)".equals(t.get("error"))));
    }
  }

  @Test
  void aWorkerNodesSwarmRefusalIsNormalAndPodmanWithoutNetworksGetsNoNetworkRate() throws Exception {
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("podman.sock")).clock(clock)
            .podman(true).swarmManager(false).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      Map<String, Object> report = twoSamples(collector);

      assertFalse(report.containsKey("services"));
      assertEquals("podman", ((Map<?, ?>) report.get("host")).get("runtime"));
      assertFalse(container(report, "worker").containsKey("netInBytesPerSecond"), "no networks: unknown, not 0");
      assertTrue(container(report, "nginx").containsKey("netInBytesPerSecond"));
    }
  }

  @Test
  void cgroupV1MemoryKeysAndItsNoLimitValueAreUnderstood() throws Exception {
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock)
            .cgroupV1(true).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      Map<String, Object> nginx = container(twoSamples(collector), "nginx");

      assertEquals(48 * MIB, nginx.get("memoryUsageBytes"), "usage − total_inactive_file");
      assertEquals(32L << 30, nginx.get("memoryLimitBytes"), "v1's 9223372036854771712 means no limit");
    }
  }

  @Test
  void aMissingSocketOrAFailingDaemonIsAnErrorNotACrash() throws Exception {
    try (DockerCollector absent = new DockerCollector(dir.resolve("none.sock"), Duration.ofSeconds(2), clock)) {
      assertThrows(IOException.class, () -> absent.collect("a1", "test", 10, "h", null));
    }
    try (DockerEngineSimulator sim = DockerEngineSimulator.builder().socket(dir.resolve("docker.sock")).clock(clock).start();
        DockerCollector collector = new DockerCollector(sim.socket(), Duration.ofSeconds(5), clock)) {
      sim.setFailing(true);
      IOException e = assertThrows(IOException.class, () -> collector.collect("a1", "test", 10, "h", null));
      assertTrue(e.getMessage().contains("500"), e.getMessage());
    }
  }
}
