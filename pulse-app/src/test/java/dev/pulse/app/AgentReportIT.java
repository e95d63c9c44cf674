package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.simulators.agent.ReportSamples;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-report receiver over real HTTP: good reports land; bad ones get 4xx and change nothing. */
class AgentReportIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "/api/resources/host-agent-7f3c:host";

  @TempDir Path data;
  private PulseServer server;

  @BeforeEach
  void start() throws Exception {
    server = AppFixture.start(data, false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(byte[] body, boolean gzip, String token) throws Exception {
    return post("/api/agents/agent/report", body, gzip, token);
  }

  private HttpResponse<String> post(String path, byte[] body, boolean gzip, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzip) {
      b.header("Content-Encoding", "gzip");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  private String stored() throws Exception {
    return AppFixture.get(server, RESOURCE, AppFixture.TOKEN).body();
  }

  private void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    if (field != null) {
      assertEquals(field, JSON.readTree(r.body()).path("field").asText(), r.body());
    }
  }

  @Test
  void aFullGzipReportIsAcceptedAndTheHostAppears() throws Exception {
    HttpResponse<String> r = post(gzip(ReportSamples.host().getBytes(StandardCharsets.UTF_8)), true, AppFixture.TOKEN);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode answer = JSON.readTree(r.body());
    assertTrue(answer.get("success").asBoolean());
    assertEquals("agent-7f3c", answer.get("agentId").asText());
    assertEquals("it", answer.get("serverVersion").asText());
    assertEquals(30, answer.at("/config/intervalSeconds").asInt());
    JsonNode host = JSON.readTree(stored());
    assertEquals("agent", host.get("type").asText());
    assertEquals(12.5, host.at("/metrics/cpu/percent").asDouble());
    assertEquals(54.0, host.at("/agent/temperaturesCelsius/cpu_package").asDouble());
  }

  @Test
  void aPlainReportIsAcceptedToo() throws Exception {
    assertEquals(200, post(ReportSamples.host().getBytes(StandardCharsets.UTF_8), false, AppFixture.TOKEN).statusCode());
  }

  @Test
  void badInputNeverGives500AndNeverChangesTheStoredHost() throws Exception {
    String good = ReportSamples.host();
    assertEquals(200, post(good.getBytes(StandardCharsets.UTF_8), false, AppFixture.TOKEN).statusCode());
    String before = stored();

    assertProblem(post(good.replace("\"cpuUsagePercent\": 12.5", "\"cpuUsagePercent\": \"busy\"").getBytes(StandardCharsets.UTF_8),
        false, AppFixture.TOKEN), 400, "metrics.cpuUsagePercent");
    byte[] zipped = gzip(good.replace("12.5", "99.0").getBytes(StandardCharsets.UTF_8));
    assertProblem(post(Arrays.copyOf(zipped, zipped.length / 2), true, AppFixture.TOKEN), 400, null);
    assertProblem(post(gzip(new byte[20 * 1024 * 1024]), true, AppFixture.TOKEN), 413, null); // a 20 MiB bomb in ~20 KiB
    byte[] oversized = (good.replace("\"sequenceId\": \"42\"", "\"sequenceId\": \"" + "x".repeat(300 * 1024) + "\""))
        .getBytes(StandardCharsets.UTF_8);
    assertProblem(post(oversized, false, AppFixture.TOKEN), 413, null);
    assertProblem(post(good.replace("12.5", "99.0").getBytes(StandardCharsets.UTF_8), false, null), 401, null);
    assertProblem(post(good.replace("12.5", "99.0").getBytes(StandardCharsets.UTF_8), false, "wrong-token-000000"), 401, null);
    assertProblem(post("not json".getBytes(StandardCharsets.UTF_8), false, AppFixture.TOKEN), 400, "(body)");

    assertEquals(JSON.readTree(before).get("metrics"), JSON.readTree(stored()).get("metrics"), "the last good state is kept");
  }

  /** Issues a token with these scopes through the API, as the UI's "Add a host" does. */
  private String issue(String... scopes) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("name", "test", "scopes", java.util.List.of(scopes)));
    HttpResponse<String> r = AppFixture.post(server, "/api/security/tokens", body, AppFixture.TOKEN);
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("token").asText();
  }

  @Test
  void aReportOnlyTokenMayReportButNotReadAndAWrongScopeChangesNothing() throws Exception {
    String hostToken = issue("agent:report");
    String dockerToken = issue("docker:report");
    byte[] report = ReportSamples.host().getBytes(StandardCharsets.UTF_8);

    assertProblem(post(report, false, dockerToken), 403, null);
    assertEquals(404, AppFixture.get(server, RESOURCE, AppFixture.TOKEN).statusCode(), "nothing was stored");
    assertEquals(200, post(report, false, hostToken).statusCode());
    assertProblem(AppFixture.get(server, RESOURCE, hostToken), 403, null);
    assertEquals(200, AppFixture.get(server, RESOURCE, AppFixture.TOKEN).statusCode());
  }

  @Test
  void aDockerReportWithEveryFieldLandsAsAHostWithContainersAndBadOnesChangeNothing() throws Exception {
    String token = issue("docker:report");
    String full = ReportSamples.docker();

    HttpResponse<String> r = post("/api/agents/docker/report", gzip(full.getBytes(StandardCharsets.UTF_8)), true, token);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode containers = JSON.readTree(AppFixture.get(server, "/api/resources?type=app-container", AppFixture.TOKEN).body());
    assertEquals(3, containers.get("total").asInt());
    String nginx = "/api/resources/docker-agent-7:container-aaaaaaaaaaaa";
    JsonNode before = JSON.readTree(AppFixture.get(server, nginx, AppFixture.TOKEN).body());
    assertEquals("docker-agent-7:docker-host", before.get("parentId").asText());
    assertEquals("healthy", before.at("/docker/container/health").asText());

    assertProblem(post("/api/agents/docker/report", full.replace("\"restartCount\":0", "\"restartCount\":\"0\"")
        .getBytes(StandardCharsets.UTF_8), false, token), 400, "containers[0].restartCount");
    assertProblem(post("/api/agents/docker/report", gzip(new byte[40 * 1024 * 1024]), true, token), 413, null);
    assertProblem(post("/api/agents/docker/report", full.getBytes(StandardCharsets.UTF_8), false, issue("agent:report")), 403, null);

    assertEquals(before.get("metrics"), JSON.readTree(AppFixture.get(server, nginx, AppFixture.TOKEN).body()).get("metrics"));
  }

  @Test
  void aKubernetesReportLandsAsAClusterWithNodesPodsAndDeploymentsAndABadOneChangesNothing() throws Exception {
    String token = issue("kubernetes:report");
    String full = ReportSamples.kubernetes();

    HttpResponse<String> r = post("/api/agents/kubernetes/report", gzip(full.getBytes(StandardCharsets.UTF_8)), true, token);

    assertEquals(200, r.statusCode(), r.body());
    String pod = "/api/resources/kubernetes-k8s-agent-1:pod-shop.api-5f6d4c-xk2lq";
    JsonNode before = JSON.readTree(AppFixture.get(server, pod, AppFixture.TOKEN).body());
    assertEquals("CrashLoopBackOff", before.at("/kubernetes/pod/reason").asText());
    assertEquals("kubernetes-k8s-agent-1:node-k8s-cp1", before.get("parentId").asText());
    assertEquals(3, JSON.readTree(AppFixture.get(server, "/api/resources?type=pod", AppFixture.TOKEN).body()).get("total").asInt());

    assertProblem(post("/api/agents/kubernetes/report", full.replace("\"restarts\": 14", "\"restarts\": 14.5")
        .getBytes(StandardCharsets.UTF_8), false, token), 400, "pods[1].restarts");
    assertProblem(post("/api/agents/kubernetes/report", full.getBytes(StandardCharsets.UTF_8), false, issue("docker:report")), 403, null);

    JsonNode after = JSON.readTree(AppFixture.get(server, pod, AppFixture.TOKEN).body());
    assertEquals(before.get("kubernetes"), after.get("kubernetes"), "the last good state is kept");
  }
}
