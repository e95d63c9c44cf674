package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.pulse.http.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configures secrets with known values (a PVE token secret, a TrueNAS API key, an SMTP password,
 * an OIDC client secret, an account's password), then searches every file in the data dir, and everything logged, for
 * them in plain text.
 */
class SecretsAtRestIT {

  private static final String PVE_SECRET = "5ec12e7a-pve0-4000-8000-secretsecret";
  private static final String TRUENAS_KEY = "1-truenasApiKeyKnownValue0123456789";
  private static final String SMTP_PASSWORD = "smtp-password-known-value-42";
  private static final String ADMIN_PASSWORD = "admin password known value";
  private static final String OIDC_SECRET = "oidc-client-secret-known-value";
  private static final List<String> SECRETS = List.of(PVE_SECRET, TRUENAS_KEY, SMTP_PASSWORD, ADMIN_PASSWORD, OIDC_SECRET);

  @TempDir Path data;

  @Test
  void noConfiguredSecretIsFoundInPlainTextInTheDataDirOrTheLog() throws Exception {
    LogCapture logged = LogCapture.start();
    PulseConfig base = AppFixture.config(data, AppFixture.TOKEN);
    PulseConfig config = new PulseConfig(base.port(), base.bindAddress(), data, AppFixture.TOKEN, base.pollInterval(),
        base.pollTimeout(), base.retention(), null, SecurityConfig.DEFAULT.withAdmin("root", ADMIN_PASSWORD));
    try (PulseServer server = PulseServer.start(config, false, Clock.systemUTC(), "it")) {
      assertEquals(201, AppFixture.post(server, "/api/connections", "{\"type\":\"pve\",\"name\":\"lab\",\"url\":\"https://127.0.0.1:9\","
          + "\"tokenId\":\"monitor@pve!pulse\",\"tokenSecret\":\"" + PVE_SECRET + "\",\"verifyTls\":false}", AppFixture.TOKEN).statusCode());
      var nas = AppFixture.post(server, "/api/connections", "{\"type\":\"truenas\",\"name\":\"nas\",\"url\":\"https://127.0.0.1:9\","
          + "\"apiKey\":\"" + TRUENAS_KEY + "\",\"verifyTls\":false}", AppFixture.TOKEN);
      assertEquals(201, nas.statusCode(), nas.body());
      var mail = AppFixture.post(server, "/api/notifications/channels", "{\"name\":\"ops\",\"type\":\"email\",\"settings\":{"
          + "\"host\":\"127.0.0.1\",\"port\":\"9\",\"security\":\"none\",\"from\":\"p@example.com\",\"to\":\"o@example.com\","
          + "\"username\":\"pulse\"},\"secrets\":{\"password\":\"" + SMTP_PASSWORD + "\"}}", AppFixture.TOKEN);
      assertEquals(201, mail.statusCode(), mail.body());
      var sso = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          "http://127.0.0.1:" + server.port() + "/api/security/sso/corp")).header("Authorization", "Bearer " + AppFixture.TOKEN)
          .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Corp\","
              + "\"type\":\"oidc\",\"settings\":{\"discoveryUrl\":\"https://127.0.0.1:9/.well-known/openid-configuration\","
              + "\"clientId\":\"pulse\"},\"secrets\":{\"clientSecret\":\"" + OIDC_SECRET + "\"}}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, sso.statusCode(), sso.body());
      assertEquals(200, AppFixture.post(server, "/api/security/login", "{\"username\":\"root\",\"password\":\"" + ADMIN_PASSWORD
          + "\"}", null).statusCode());
      String answers = AppFixture.get(server, "/api/connections", AppFixture.TOKEN).body()
          + AppFixture.get(server, "/api/notifications/channels", AppFixture.TOKEN).body()
          + AppFixture.get(server, "/api/security/sso", AppFixture.TOKEN).body();
      for (String secret : SECRETS) {
        assertTrue(!answers.contains(secret), "the API never sends a secret back");
      }
      Thread.sleep(1500); // the poller tries the unreachable connections and logs why they fail
    } finally {
      logged.close();
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
          if (text.contains(secret)) {
            found.add(secret + " in " + data.relativize(f));
          }
        }
      }
    }
    assertEquals(List.of(), found);
    for (String file : List.of("connections.enc", "channels.enc", "sso.enc", "pulse.db", "secret.key")) {
      assertTrue(Files.size(data.resolve(file)) > 0, file + " was written: the scan above read something");
    }
    try (PulseServer again = PulseServer.start(config, false, Clock.systemUTC(), "it")) {
      String connections = AppFixture.get(again, "/api/connections", AppFixture.TOKEN).body();
      String channels = AppFixture.get(again, "/api/notifications/channels", AppFixture.TOKEN).body();
      String sso = AppFixture.get(again, "/api/security/sso", AppFixture.TOKEN).body();
      assertTrue(connections.contains("\"name\":\"lab\"") && connections.contains("\"name\":\"nas\"")
          && !connections.contains("\"secretSet\":false"), "both connections, with their secrets, come back: " + connections);
      assertTrue(channels.contains("\"password\":\"set\""), "the SMTP password comes back: " + channels);
      assertTrue(sso.contains("\"clientSecret\":\"set\""), "the OIDC secret comes back: " + sso);
      assertEquals(200, AppFixture.post(again, "/api/security/login", "{\"username\":\"root\",\"password\":\"" + ADMIN_PASSWORD
          + "\"}", null).statusCode(), "the admin's hash comes back");
    }
    for (ILoggingEvent e : logged.events()) {
      for (String secret : SECRETS) {
        assertTrue(!e.getFormattedMessage().contains(secret), "logged: " + e.getFormattedMessage());
      }
    }
    assertTrue(logged.events().size() > 3, "the log was captured: " + logged.events().size());
  }
}
