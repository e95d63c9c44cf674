package dev.pulse.adapters.agents.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.simulators.kubernetes.KubernetesSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes collector against the API simulator over real TLS, as in a pod and from a kubeconfig. */
class KubernetesCollectorIT {

  @TempDir Path dir;

  private KubernetesAccess inCluster(KubernetesSimulator sim, String token) throws IOException {
    Path sa = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(sa.resolve("token"), token + "\n");
    Files.writeString(sa.resolve("ca.crt"), sim.caPem());
    return KubernetesAccess.inCluster(sa, "127.0.0.1", String.valueOf(sim.baseUrl().getPort())).orElseThrow();
  }

  private static Map<String, Object> collect(KubernetesAccess access) throws Exception {
    return new KubernetesCollector(access, Duration.ofSeconds(5), 1000, Clock.systemUTC()).collect("k1", "test", 30);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> named(Map<String, Object> report, String section, String name) {
    return ((List<Map<String, Object>>) report.get(section)).stream().filter(m -> m.get("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void inClusterItReadsNodesPodsDeploymentsAndMetricsThroughEveryPage() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("sa-token").start()) {
      Map<String, Object> report = collect(inCluster(sim, "sa-token"));

      assertEquals(4, ((List<?>) report.get("nodes")).size());
      assertEquals(11, ((List<?>) report.get("pods")).size(), "three pages of at most 4");
      assertEquals(5, ((List<?>) report.get("deployments")).size());
      Map<String, Object> w2 = named(report, "nodes", "k8s-w2");
      assertEquals(false, w2.get("ready"));
      assertEquals("Unknown", ((Map<String, String>) w2.get("conditions")).get("Ready"), "condition statuses are strings");
      assertEquals(true, named(report, "nodes", "k8s-w3").get("unschedulable"));
      Map<String, Object> cp1 = named(report, "nodes", "k8s-cp1");
      assertEquals(7800L, ((Map<String, Object>) cp1.get("allocatable")).get("cpuMillis"));
      assertEquals(1235L, ((Map<String, Object>) cp1.get("usage")).get("cpuMilliCores"));
      assertEquals(12345678L * 1024, ((Map<String, Object>) cp1.get("usage")).get("memoryBytes"));
      assertEquals(List.of("control-plane"), cp1.get("roles"));
      Map<String, Object> api = named(report, "pods", "api-5f6d4c-xk2lq");
      assertEquals("CrashLoopBackOff", api.get("reason"));
      assertEquals(14, api.get("restarts"));
      assertEquals("OOMKilled", ((List<Map<String, Object>>) api.get("containers")).get(0).get("lastTerminationReason"));
      assertEquals("Evicted", named(report, "pods", "batch-2x9kd").get("reason"));
      assertEquals("ImagePullBackOff", named(report, "pods", "report-6b7c5d-q8w9e").get("reason"));
      assertEquals("Unschedulable", named(report, "pods", "big-0").get("reason"));
      assertEquals(true, named(report, "pods", "old-web-5c4b3a-zzzzz").get("terminating"));
      assertFalse(named(report, "pods", "migrate-7hj2k").containsKey("reason"), "Completed is not a problem");
      assertEquals(Map.of("cpuMilliCores", 137L, "memoryBytes", 256L << 20), named(report, "pods", "web-7d9c8b-abcde").get("usage"));
      assertEquals(1, named(report, "deployments", "api").get("desiredReplicas"), "absent spec.replicas means 1");
      assertEquals(0, named(report, "deployments", "api").get("readyReplicas"), "omitted counts are 0");
      assertEquals(0, named(report, "deployments", "paused-feature").get("desiredReplicas"));
      assertEquals("ProgressDeadlineExceeded", named(report, "deployments", "report").get("problem"));
      assertEquals(true, ((Map<String, Object>) report.get("cluster")).get("metricsAvailable"));
    }
  }

  @Test
  void anExpiredContinueTokenRestartsTheListAndNoPodIsCountedTwice() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("sa-token").start()) {
      sim.expireNextContinues(1);

      Map<String, Object> report = collect(inCluster(sim, "sa-token"));

      assertEquals(4, ((List<?>) report.get("nodes")).size());
      assertEquals(11, ((List<?>) report.get("pods")).size());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void withoutMetricsServerThereIsNoUsageRatherThanZero() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("sa-token").metricsServer(false).start()) {
      Map<String, Object> report = collect(inCluster(sim, "sa-token"));

      assertFalse(named(report, "nodes", "k8s-cp1").containsKey("usage"));
      assertEquals(false, ((Map<String, Object>) report.get("cluster")).get("metricsAvailable"));
    }
  }

  @Test
  void aKubeconfigTokenAndCaDataWork() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("kc-token").start()) {
      Path kubeconfig = dir.resolve("config");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          current-context: lab
          clusters:
          - name: homelab
            cluster:
              server: %s
              certificate-authority-data: %s
          contexts:
          - name: lab
            context: {cluster: homelab, user: pulse}
          users:
          - name: pulse
            user:
              token: kc-token
          """.formatted(sim.baseUrl(), Base64.getEncoder().encodeToString(sim.caPem().getBytes())));

      KubernetesAccess access = KubernetesAccess.fromKubeconfig(kubeconfig);
      Map<String, Object> report = collect(access);

      assertEquals("homelab", access.name());
      assertFalse(access.toString().contains("kc-token"), "the token is never printed");
      assertEquals(4, ((List<?>) report.get("nodes")).size());
    }
  }

  @Test
  void aCappedReportKeepsTheUnwellPodsAndSaysItWasCut() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("sa-token").start()) {
      Map<String, Object> report = new KubernetesCollector(inCluster(sim, "sa-token"), Duration.ofSeconds(5), 5, Clock.systemUTC())
          .collect("k1", "test", 30);

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> pods = (List<Map<String, Object>>) report.get("pods");
      assertEquals(5, pods.size());
      assertTrue(pods.stream().allMatch(KubernetesReports::unwell), "the problems are never the ones cut");
      assertEquals(true, ((Map<?, ?>) report.get("cluster")).get("podsTruncated"));
    }
  }

  @Test
  void aWrongTokenIsAClearErrorNotACrash() throws Exception {
    try (KubernetesSimulator sim = KubernetesSimulator.builder().token("sa-token").start()) {
      IOException e = assertThrows(IOException.class, () -> collect(inCluster(sim, "stale-token")));

      assertTrue(e.getMessage().contains("401") && e.getMessage().contains("Unauthorized"), e.getMessage());
    }
  }
}
