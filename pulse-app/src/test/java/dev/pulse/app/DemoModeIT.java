package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.http.StateSocketClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
  void eachDemoAgentHostReportsItsOwnMemoryDiskAndCpu() throws Exception {
    try (PulseServer server = AppFixture.start(data, true)) {
      AtomicReference<Map<String, JsonNode>> seen = new AtomicReference<>();
      AppFixture.await("docker1, pve1 and the Docker host with figures", () -> {
        try {
          Map<String, JsonNode> byName = new HashMap<>();
          for (JsonNode r : JSON.readTree(AppFixture.get(server, "/api/resources", AppFixture.TOKEN).body()).get("resources")) {
            byName.put(r.get("type").asText() + "/" + r.get("name").asText(), r);
          }
          seen.set(byName);
          JsonNode docker = byName.values().stream().filter(r -> r.get("type").asText().equals("docker-host")).findFirst()
              .orElse(null);
          return byName.containsKey("agent/docker1") && byName.containsKey("agent/pve1") && docker != null
              && !docker.at("/metrics/cpu").isNull() && !docker.at("/metrics/cpu").isMissingNode()
              && byName.get("agent/pve1").at("/metrics/memory/source").asText().equals("agent");
        } catch (Exception e) {
          return false;
        }
      }, 40);
      JsonNode docker1 = seen.get().get("agent/docker1");
      JsonNode pve1 = seen.get().get("agent/pve1");
      assertEquals(16L << 30, docker1.at("/metrics/memory/total").asLong(), "docker1's own 16 GiB");
      assertEquals(64L << 30, pve1.at("/metrics/memory/total").asLong(), "pve1's 64 GiB");
      assertEquals(500L << 30, docker1.at("/metrics/disk/total").asLong(), "docker1's own 500 GiB root");
      assertTrue(docker1.at("/metrics/disk/used").asLong() != pve1.at("/metrics/disk/used").asLong(), "two disks, two figures");
      assertTrue(docker1.at("/metrics/cpu/percent").asDouble() > 0, "docker1 has CPU: " + docker1.at("/metrics"));
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
