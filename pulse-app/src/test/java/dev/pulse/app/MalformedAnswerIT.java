package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.simulators.Fault;
import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that starts answering junk is marked failed, visibly in the API; the other source carries on. */
class MalformedAnswerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "junk-test-secret-0000";

  @TempDir Path data;

  private static JsonNode resources(PulseServer server, String sourceId) throws Exception {
    return JSON.readTree(AppFixture.get(server, "/api/resources?source=" + sourceId, AppFixture.TOKEN).body()).get("resources");
  }

  @Test
  void junkFromOneSourceShowsItsErrorInSourcesWhileTheOtherStaysHealthy() throws Exception {
    try (PveSimulator pve = PveSimulator.builder().token("a@pve!t", SECRET).start();
        PbsSimulator pbs = PbsSimulator.builder().token("a@pbs!t", SECRET).start();
        PulseServer server = AppFixture.start(data, false)) {
      ConnectionConfig cluster = server.engine().connections().create(
          ConnectionDraft.withToken("pve", "cluster", pve.baseUrl().toString(), "a@pve!t", SECRET, pve.fingerprint(), true));
      ConnectionConfig backups = server.engine().connections().create(
          ConnectionDraft.withToken("pbs", "backups", pbs.baseUrl().toString(), "a@pbs!t", SECRET, pbs.fingerprint(), true));
      AppFixture.await("both sources report", () -> {
        try {
          return resources(server, cluster.id()).size() > 30 && resources(server, backups.id()).size() == 4;
        } catch (Exception e) {
          return false;
        }
      }, 15);

      pve.setFault(Fault.JUNK_BODY);

      AppFixture.await("the cluster's resources show the error", () -> {
        try {
          JsonNode first = resources(server, cluster.id()).get(0).at("/sources/0");
          return first.get("status").asText().equals("error") && first.get("error").asText().contains("not JSON");
        } catch (Exception e) {
          return false;
        }
      }, 15);
      assertTrue(resources(server, cluster.id()).size() > 30, "nothing already known is dropped");
      for (JsonNode r : resources(server, backups.id())) {
        assertEquals("healthy", r.at("/sources/0/status").asText(), r.get("id").asText());
      }
      JsonNode connections = JSON.readTree(AppFixture.get(server, "/api/connections", AppFixture.TOKEN).body()).get("connections");
      for (JsonNode c : connections) {
        assertEquals(c.get("id").asText().equals(cluster.id()) ? "error" : "healthy", c.get("status").asText());
      }
    }
  }
}
