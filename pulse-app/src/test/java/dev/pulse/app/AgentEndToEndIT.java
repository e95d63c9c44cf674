package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent process reads this machine's /proc and reports it to a running server. */
class AgentEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private static JsonNode agents(PulseServer server) throws Exception {
    return JSON.readTree(AppFixture.get(server, "/api/resources?type=agent&source=", AppFixture.TOKEN).body()).get("resources");
  }

  @Test
  void anAgentProcessReportsThisHostWithCpuMemoryAndLoad() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path log = Files.createTempFile("pulse-agent-", ".log");
      Process agent = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), "dev.pulse.app.PulseMain",
          "agent", "--url", "http://127.0.0.1:" + server.port(), "--token", AppFixture.TOKEN, "--interval", "1s"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        AppFixture.await("the host is reported with CPU use", () -> {
          try {
            for (JsonNode r : agents(server)) {
              if (r.get("id").asText().startsWith("host-") && !r.at("/metrics/cpu").isNull()) {
                return true;
              }
            }
            return false;
          } catch (Exception e) {
            return false;
          }
        }, 30);
        JsonNode host = null;
        for (JsonNode r : agents(server)) {
          if (r.get("id").asText().startsWith("host-")) {
            host = r;
          }
        }
        assertEquals("agent", host.at("/metrics/memory/source").asText());
        assertTrue(host.at("/metrics/memory/used").asLong() > 0);
        assertEquals(3, host.at("/host/loadAverage").size());
        assertEquals("online", host.get("status").asText());
      } finally {
        agent.destroy();
        agent.waitFor(10, TimeUnit.SECONDS);
        System.out.print(Files.readString(log));
        Files.deleteIfExists(log);
      }
    }
  }
}
