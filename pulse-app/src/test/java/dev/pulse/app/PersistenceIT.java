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
  void withoutAnyAccountABootstrapTokenCreatesTheFirstAdminOnceAndSessionsSurviveARestart() throws Exception {
    String cookie;
    try (PulseServer server = PulseServer.start(AppFixture.config(data, null), false, Clock.systemUTC(), "it")) {
      String bootstrap = server.bootstrapToken();
      assertNotNull(bootstrap);
      Path file = data.resolve(".bootstrap-token");
      assertEquals(bootstrap, Files.readString(file).strip());
      assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
          java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
      assertEquals(401, AppFixture.get(server, "/api/resources", null).statusCode(), "no default access");
      var setup = AppFixture.post(server, "/api/security/setup", "{\"bootstrapToken\":\"" + bootstrap
          + "\",\"username\":\"admin\",\"password\":\"a long enough password\"}", null);
      assertEquals(200, setup.statusCode(), setup.body());
      assertFalse(Files.exists(file), "the bootstrap token works once");
      String set = setup.headers().firstValue("Set-Cookie").orElseThrow();
      cookie = set.substring(0, set.indexOf(';'));
    }
    String db = new String(Files.readAllBytes(data.resolve("pulse.db")), StandardCharsets.ISO_8859_1);
    assertFalse(db.contains("a long enough password"), "the password is kept hashed");
    try (PulseServer server = PulseServer.start(AppFixture.config(data, null), false, Clock.systemUTC(), "it")) {
      assertNull(server.bootstrapToken(), "there is an admin now");
      var read = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/resources")).header("Cookie", cookie).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, read.statusCode(), "the session outlives the restart");
    }
  }

  @Test
  void anAdminFromTheEnvironmentIsCreatedWithItsPasswordHashed() throws Exception {
    PulseConfig base = AppFixture.config(data, null);
    PulseConfig config = new PulseConfig(base.port(), base.bindAddress(), data, null, base.pollInterval(), base.pollTimeout(),
        base.retention(), null, SecurityConfig.DEFAULT.withAdmin("ops", "from the environment 1"));
    try (PulseServer server = PulseServer.start(config, false, Clock.systemUTC(), "it")) {
      assertNull(server.bootstrapToken());
      var login = AppFixture.post(server, "/api/security/login", "{\"username\":\"ops\",\"password\":\"from the environment 1\"}",
          null);
      assertEquals(200, login.statusCode(), login.body());
    }
    String db = new String(Files.readAllBytes(data.resolve("pulse.db")), StandardCharsets.ISO_8859_1);
    assertFalse(db.contains("from the environment 1"));
  }

  @Test
  void aConfiguredTokenWinsOverTheStoredOne() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      assertEquals(200, AppFixture.get(server, "/api/resources", AppFixture.TOKEN).statusCode());
      assertEquals(401, AppFixture.get(server, "/api/resources", "something-else-entirely").statusCode());
    }
  }
}
