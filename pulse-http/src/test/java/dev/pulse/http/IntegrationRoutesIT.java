package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Proxmox VE's own notifications, sent to its webhook target, become alerts on the node. */
class IntegrationRoutesIT extends RunningServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAILED = "{\"title\":\"vzdump backup status (pve1.lab) : backup failed\","
      + "\"message\":\"Details\\nbackup of VM 100 failed\",\"severity\":\"error\","
      + "\"fields\":{\"type\":\"vzdump\",\"hostname\":\"pve1.lab\",\"job-id\":\"backup-daily\"}}";
  private static final String OK = FAILED.replace("\"error\"", "\"info\"").replace("backup failed", "backup successful");

  private HttpResponse<String> post(String body, String token) throws Exception {
    return fx.send("POST", "/api/integrations/pve-webhook", body, token);
  }

  @Test
  void aFailedBackupBecomesACriticalAlertOnTheNodeUntilPveReportsSuccess() throws Exception {
    HttpResponse<String> r = post(FAILED, HttpFixture.TOKEN);
    assertEquals(202, r.statusCode(), r.body());
    JsonNode alert = JSON.readTree(r.body()).at("/alerts/0");
    assertEquals("pve:vzdump@s1:node-pve1", alert.get("id").asText());
    assertEquals("critical", alert.get("level").asText());
    assertEquals("vzdump backup status (pve1.lab) : backup failed", alert.get("message").asText());

    fx.engine.alerts().evaluate(); // no rule evaluates it: it stays until PVE says otherwise
    assertTrue(fx.get("/api/alerts/active", HttpFixture.TOKEN).body().contains("pve:vzdump@s1:node-pve1"));
    assertEquals(202, post(FAILED, HttpFixture.TOKEN).statusCode(), "the same failure again");
    assertEquals(1, JSON.readTree(fx.get("/api/alerts/active", HttpFixture.TOKEN).body()).get("alerts").size(), "still one alert");

    assertEquals(202, post(OK, HttpFixture.TOKEN).statusCode());
    assertTrue(!fx.get("/api/alerts/active", HttpFixture.TOKEN).body().contains("pve:vzdump"), "resolved");
  }

  @Test
  void badNotificationsAreRefusedNamingTheField() throws Exception {
    HttpResponse<String> unknown = post(FAILED.replace("pve1.lab", "pve9"), HttpFixture.TOKEN);
    assertEquals(404, unknown.statusCode());
    assertEquals("fields.hostname", JSON.readTree(unknown.body()).get("field").asText());
    HttpResponse<String> noSeverity = post("{\"fields\":{\"hostname\":\"pve1\"}}", HttpFixture.TOKEN);
    assertEquals(400, noSeverity.statusCode());
    assertEquals("severity", JSON.readTree(noSeverity.body()).get("field").asText());
  }

  @Test
  void itNeedsATokenWithThePveWebhookScope() throws Exception {
    assertEquals(401, post(FAILED, null).statusCode());
    HttpResponse<String> issued = fx.send("POST", "/api/security/tokens", "{\"name\":\"pve\",\"scopes\":[\"monitoring:write\"]}",
        HttpFixture.TOKEN);
    assertEquals(403, post(FAILED, JSON.readTree(issued.body()).get("token").asText()).statusCode());
    HttpResponse<String> hook = fx.send("POST", "/api/security/tokens", "{\"name\":\"pve hook\",\"scopes\":[\"pve:webhook\"]}",
        HttpFixture.TOKEN);
    assertEquals(202, post(FAILED, JSON.readTree(hook.body()).get("token").asText()).statusCode());
  }
}
