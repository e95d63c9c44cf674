package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceIT {

  private static final String SECRET = "aaaabbbb-cccc-dddd-eeee-ffff00001111";
  private static final String BODY = """
      {"type":"pve","name":"lab","url":"https://127.0.0.1:9","tokenId":"monitor@pve!pulse","tokenSecret":"%s","verifyTls":false}"""
      .formatted(SECRET);

  @TempDir Path data;

  @Test
  void connectionsSurviveARestartAndAreEncryptedAtRest() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      assertEquals(201, AppFixture.post(server, "/api/connections", BODY, AppFixture.TOKEN).statusCode());
    }
    byte[] onDisk = Files.readAllBytes(data.resolve("connections.enc"));
    String raw = new String(onDisk, StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains(SECRET), "the secret is not stored in plain text");
    assertFalse(raw.contains("monitor@pve"), "nothing of the connection is readable without the key");

    try (PulseServer server = AppFixture.start(data, false)) {
      String list = AppFixture.get(server, "/api/connections", AppFixture.TOKEN).body();
      assertTrue(list.contains("\"name\":\"lab\""), list);
      assertFalse(list.contains(SECRET));
    }
  }

  @Test
  void aGeneratedTokenIsStoredOnlyAsAHashAndWorksAfterARestart() throws Exception {
    String token;
    try (PulseServer server = PulseServer.start(AppFixture.config(data, null), false, Clock.systemUTC(), "it")) {
      token = server.generatedToken();
      assertNotNull(token);
      assertEquals(200, AppFixture.get(server, "/api/resources", token).statusCode());
      assertEquals(401, AppFixture.get(server, "/api/resources", null).statusCode());
    }
    String stored = Files.readString(data.resolve("api-token.sha256"));
    assertFalse(stored.contains(token));
    try (PulseServer server = PulseServer.start(AppFixture.config(data, null), false, Clock.systemUTC(), "it")) {
      assertNull(server.generatedToken(), "the token is printed once only");
      assertEquals(200, AppFixture.get(server, "/api/resources", token).statusCode());
    }
  }

  @Test
  void aConfiguredTokenWinsOverTheStoredOne() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      assertEquals(200, AppFixture.get(server, "/api/resources", AppFixture.TOKEN).statusCode());
      assertEquals(401, AppFixture.get(server, "/api/resources", "something-else-entirely").statusCode());
    }
  }
}
