package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A locked-out admin gets back in through the recover command on Pulse's machine, and only there. */
class RecoveryIT {

  @TempDir Path data;

  private PulseServer start() throws Exception {
    PulseConfig base = AppFixture.config(data, AppFixture.TOKEN);
    return PulseServer.start(new PulseConfig(base.port(), base.bindAddress(), data, AppFixture.TOKEN, base.pollInterval(),
        base.pollTimeout(), base.retention(), null, SecurityConfig.DEFAULT.withAdmin("root", "the old password")), false, Clock.systemUTC(), "it");
  }

  private static int login(PulseServer server, String password) throws Exception {
    return AppFixture.post(server, "/api/security/login", "{\"username\":\"root\",\"password\":\"" + password + "\"}", null).statusCode();
  }

  @Test
  void theRecoverCommandResetsALockedOutAdminsPassword() throws Exception {
    try (PulseServer server = start()) {
      for (int i = 0; i < 5; i++) {
        login(server, "not it " + i);
      }
      assertEquals(429, login(server, "the old password"), "locked out");
      Path file = Files.writeString(data.resolve("new-password"), "a brand new password\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = RecoverCommand.run(new String[] {"--user", "root", "--port", String.valueOf(server.port()), "--password-file",
          file.toString()}, new PrintStream(out), System.err);
      assertEquals(0, code);
      assertTrue(out.toString().contains("root is changed"), out.toString());
      assertEquals(200, login(server, "a brand new password"), "in again, the lockout lifted");
      assertEquals(401, login(server, "the old password"));
      String audit = AppFixture.get(server, "/api/audit?action=recovery", AppFixture.TOKEN).body();
      assertTrue(audit.contains("POST /api/security/recovery/reset") && audit.contains("success 204"), audit);
    }
  }

  @Test
  void aRecoveryTokenIsNotIssuedThroughAProxyNorUsableWhenWrong() throws Exception {
    try (PulseServer server = start()) {
      HttpResponse<String> proxied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/api/security/recovery")).header("X-Forwarded-For", "203.0.113.9")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, proxied.statusCode());
      HttpResponse<String> guessed = AppFixture.post(server, "/api/security/recovery/reset",
          "{\"recoveryToken\":\"guess\",\"username\":\"root\",\"newPassword\":\"a brand new password\"}", null);
      assertEquals(403, guessed.statusCode());
      assertEquals(200, login(server, "the old password"), "nothing changed");
    }
  }
}
