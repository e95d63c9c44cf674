package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}, checked by the official Prometheus Python client's text-format parser. */
class PrometheusExportIT extends RunningServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Every sample, as the parser read it. */
  private List<JsonNode> parse(String exposition) throws Exception {
    Path script = dir.resolve("parse_prometheus.py");
    try (InputStream in = getClass().getResourceAsStream("/parse_prometheus.py")) {
      Files.copy(in, script);
    }
    Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "the parser refused the exposition:\n" + exposition);
    List<JsonNode> samples = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        samples.add(JSON.readTree(line));
      }
    }
    return samples;
  }

  private static List<JsonNode> named(List<JsonNode> samples, String name) {
    return samples.stream().filter(s -> s.get("name").asText().equals(name)).toList();
  }

  @Test
  void theLiveInfrastructureParsesAsPrometheusTextWithLabelsAndBaseUnits() throws Exception {
    HttpResponse<String> r = fx.get("/metrics", HttpFixture.TOKEN);

    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    List<JsonNode> samples = parse(r.body());
    List<JsonNode> cpu = named(samples, "pulse_resource_cpu_ratio");
    assertEquals(1, cpu.size(), "only the node has a CPU figure; the VMs' unknown CPU is left out");
    JsonNode node = cpu.get(0);
    assertEquals("s1:node-pve1", node.at("/labels/id").asText());
    assertEquals("pve1", node.at("/labels/name").asText());
    assertEquals("agent", node.at("/labels/type").asText());
    assertTrue(node.get("value").asDouble() >= 0 && node.get("value").asDouble() <= 1, "a ratio: " + node);
    assertEquals(3, named(samples, "pulse_resource_up").size());
    JsonNode source = named(samples, "pulse_source_up").get(0);
    assertEquals("s1", source.at("/labels/source").asText());
    assertEquals(1.0, source.get("value").asDouble());
    assertTrue(samples.stream().anyMatch(s -> s.get("name").asText().startsWith("jvm_memory")), "Pulse's own runtime");
  }

  @Test
  void metricsNeedATokenWithMonitoringRead() throws Exception {
    assertEquals(401, fx.get("/metrics", null).statusCode());
  }

  @Test
  void anOptInPortServesMetricsWithoutAToken() throws Exception {
    try (PulseHttpServer separate = PulseHttpServer.builder().engine(fx.engine).host("127.0.0.1").metricsPort(0)
        .access(AccessPolicy.adminToken(HttpFixture.TOKEN::equals, false, java.time.Clock.systemUTC())).build().start(0)) {
      HttpResponse<String> r = fx.client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + separate.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, r.statusCode());
      assertEquals(1, named(parse(r.body()), "pulse_resource_cpu_ratio").size());
    }
  }
}
