package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.PveConnection;
import dev.pulse.domain.connection.TrueNasConnection;
import dev.pulse.simulators.pve.PveSimulator;
import dev.pulse.simulators.truenas.TrueNasSimulator;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent process reads this machine's /proc and reports it to a running server. */
class AgentEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private static JsonNode resources(PulseServer server, String query) throws Exception {
    return JSON.readTree(AppFixture.get(server, "/api/resources?" + query, AppFixture.TOKEN).body()).get("resources");
  }

  private static JsonNode find(PulseServer server, Predicate<JsonNode> test) {
    try {
      for (JsonNode r : resources(server, "type=agent")) {
        if (test.test(r)) {
          return r;
        }
      }
    } catch (Exception e) {
      return null;
    }
    return null;
  }

  /** Runs {@code pulse agent} as its own JVM with a 32 MB heap. */
  private static Process agent(PulseServer server, Path log, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        "dev.pulse.app.PulseMain", "agent", "--url", "http://127.0.0.1:" + server.port(), "--token", AppFixture.TOKEN,
        "--interval", "1s"));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void stop(Process agent, Path log) throws Exception {
    agent.destroy();
    agent.waitFor(10, TimeUnit.SECONDS);
    System.out.print(Files.readString(log));
    Files.deleteIfExists(log);
  }

  @Test
  void anAgentProcessReportsThisHostWithCpuMemoryAndLoad() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      Path log = Files.createTempFile("pulse-agent-", ".log");
      Process agent = agent(server, log);
      try {
        AppFixture.await("the host is reported with CPU use",
            () -> find(server, r -> r.get("id").asText().startsWith("host-") && !r.at("/metrics/cpu").isNull()) != null, 30);
        JsonNode host = find(server, r -> r.get("id").asText().startsWith("host-"));
        assertEquals("agent", host.at("/metrics/memory/source").asText());
        assertTrue(host.at("/metrics/memory/used").asLong() > 0);
        assertEquals(3, host.at("/host/loadAverage").size());
        assertEquals("online", host.get("status").asText());
      } finally {
        stop(agent, log);
      }
    }
  }

  @Test
  void anAgentOnAMachineThatIsAPolledPveNodeIsShownAsThatNodeOnce() throws Exception {
    String address = thisMachinesAddress();
    try (PveSimulator pve = PveSimulator.builder().nodeAddress("pve1", address).start();
        PulseServer server = AppFixture.start(data, false)) {
      ConnectionConfig connection = server.engine().connections().create(PveConnection.token("lab", pve.baseUrl().toString(),
          "pulse@pve!monitor", "00000000-0000-0000-0000-000000000000").fingerprint(pve.fingerprint()).build());
      String nodeId = connection.id() + ":node-pve1";
      Path log = Files.createTempFile("pulse-agent-", ".log");
      Process agent = agent(server, log, "--hostname", "PVE1");
      try {
        JsonNode node = awaitFolded(server, nodeId);
        assertTrue(!node.at("/agent").isMissingNode() && !node.at("/agent").isNull(), "the agent's facet is merged in");
        assertEquals(List.of(connection.id(), "host-"), sourcePrefixes(node));
        assertEquals("agent", node.at("/metrics/memory/source").asText(), "memory as the agent measured it");
        assertEquals("pve1", node.get("name").asText());
        assertEquals(null, find(server, r -> r.get("id").asText().startsWith("host-")), "no twin of the node");
      } finally {
        stop(agent, log);
      }
    }
  }

  @Test
  void anAgentOnATrueNasBoxIsShownAsThatSystemOnce() throws Exception {
    String address = thisMachinesAddress();
    try (TrueNasSimulator nas = TrueNasSimulator.builder().apiKey("1-abc").address(address).start();
        PulseServer server = AppFixture.start(data, false)) {
      ConnectionConfig connection = server.engine().connections().create(TrueNasConnection.apiKey("nas",
          nas.baseUrl().toString(), "1-abc").fingerprint(nas.fingerprint()).build());
      String systemId = connection.id() + ":system";
      Path log = Files.createTempFile("pulse-agent-", ".log");
      Process agent = agent(server, log, "--hostname", "nas01");
      try {
        JsonNode system = awaitFolded(server, systemId);
        assertEquals(List.of(connection.id(), "host-"), sourcePrefixes(system));
        assertEquals("nas01", system.get("name").asText());
        assertTrue(!system.at("/truenas/system").isMissingNode(), "TrueNAS's view is kept");
        assertEquals(null, find(server, r -> r.get("id").asText().startsWith("host-")), "no twin of the system");
      } finally {
        stop(agent, log);
      }
    }
  }

  /** Waits until the resource has a second source: the agent's report folded into it. */
  private static JsonNode awaitFolded(PulseServer server, String id) throws InterruptedException {
    AppFixture.await("the agent's report is folded into " + id, () -> {
      JsonNode r = find(server, x -> x.get("id").asText().equals(id));
      return r != null && r.get("sources").size() == 2;
    }, 30);
    return find(server, x -> x.get("id").asText().equals(id));
  }

  private static List<String> sourcePrefixes(JsonNode resource) {
    List<String> out = new ArrayList<>();
    resource.get("sources").forEach(s -> {
      String id = s.get("sourceId").asText();
      out.add(id.startsWith("host-") ? "host-" : id);
    });
    return out;
  }

  /** An IPv4 address of this machine that identifies it: not loopback, link-local or a Docker bridge. */
  private static String thisMachinesAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback() || nic.getName().startsWith("docker")) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLinkLocalAddress() && !a.getHostAddress().startsWith("172.17.")) {
          return a.getHostAddress();
        }
      }
    }
    throw new IllegalStateException("this machine has no network address besides loopback");
  }
}
