package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.http.StateSocketClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance path: demo mode polls the simulated cluster over HTTPS and serves it. */
class DemoModeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void demoModeListsTheSimulatedVmsWithStatusCpuAndMemoryWithin15Seconds() throws Exception {
    try (PulseServer server = AppFixture.start(data, true)) {
      AtomicReference<JsonNode> vms = new AtomicReference<>();
      AppFixture.await("VMs listed", () -> {
        try {
          JsonNode body = JSON.readTree(AppFixture.get(server, "/api/resources?type=vm", AppFixture.TOKEN).body());
          vms.set(body);
          return body.get("total").asInt() >= 15;
        } catch (Exception e) {
          return false;
        }
      }, 15);
      JsonNode web01 = null;
      for (JsonNode r : vms.get().get("resources")) {
        if (r.get("name").asText().equals("web01")) {
          web01 = r;
        }
      }
      assertEquals("online", web01.get("status").asText());
      double cpu = web01.at("/metrics/cpu/percent").asDouble();
      assertTrue(cpu > 0 && cpu <= 100, "cpu percent " + cpu);
      assertEquals(6L << 30, web01.at("/metrics/memory/total").asLong(), "measured against its 6 GiB balloon");
      assertEquals("proxmox-agent", web01.at("/metrics/disk/source").asText(), "disk use from the guest agent");
      assertEquals("proxmox", web01.at("/metrics/cpu/source").asText());
    }
  }

  @Test
  void demoModeRunsAClusterABackupServerAMailGatewayAndATrueNasAllHealthy() throws Exception {
    try (PulseServer server = AppFixture.start(data, true)) {
      AppFixture.await("all four connections healthy", () -> {
        try {
          JsonNode list = JSON.readTree(AppFixture.get(server, "/api/connections", AppFixture.TOKEN).body()).get("connections");
          int healthy = 0;
          for (JsonNode c : list) {
            healthy += c.get("status").asText().equals("healthy") ? 1 : 0;
          }
          return list.size() == 4 && healthy == 4;
        } catch (Exception e) {
          return false;
        }
      }, 15);
      assertEquals(2, JSON.readTree(AppFixture.get(server, "/api/resources?type=pmg", AppFixture.TOKEN).body()).get("total").asInt());
      assertEquals(1, JSON.readTree(AppFixture.get(server, "/api/resources?type=pbs", AppFixture.TOKEN).body()).get("total").asInt());
    }
  }

  @Test
  void demoModeReadsNeedNoTokenButChangesDo() throws Exception {
    try (PulseServer server = AppFixture.start(data, true)) {
      assertEquals(200, AppFixture.get(server, "/api/resources", null).statusCode());
      assertEquals(401, AppFixture.post(server, "/api/connections", "{}", "wrong").statusCode());
    }
  }

  @Test
  void aWebSocketClientGetsTheInitialStateThenADeltaWithin10Seconds() throws Exception {
    try (PulseServer server = AppFixture.start(data, true);
        StateSocketClient client = StateSocketClient.connect(
            URI.create("ws://127.0.0.1:" + server.port() + "/ws?token=" + AppFixture.TOKEN), null)) {
      JsonNode first = client.next(10);
      assertEquals("initialState", first.get("type").asText());
      JsonNode delta = client.next(10);
      assertEquals("delta", delta.get("type").asText());
      assertTrue(delta.at("/data/version").asLong() > first.at("/data/version").asLong());
    }
  }
}
