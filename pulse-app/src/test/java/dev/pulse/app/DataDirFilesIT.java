package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.simulators.agent.ReportSamples;
import dev.pulse.simulators.pve.PveSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a run that used every store (connections, channels, SSO, tokens, alert settings, identity
 * links, accounts and sessions, audit, history), the data dir is 0700 and every file in it 0600,
 * the database's -wal and -shm included; a dir and a file an earlier version left open are tightened.
 */
class DataDirFilesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path parent;

  private HttpResponse<String> send(PulseServer server, String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + AppFixture.TOKEN).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void ok(HttpResponse<String> r) {
    assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
  }

  private static TreeMap<String, String> modes(Path dir) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    out.put(".", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(f.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
      }
    }
    return out;
  }

  @Test
  void theDataDirIsTheOwnersOnlyAndSoIsEveryFileInIt() throws Exception {
    Path data = parent.resolve("data");
    Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path left = Files.writeString(data.resolve("notes.txt"), "left by an earlier version");
    Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-r--r--"));
    TreeMap<String, String> whileRunning;
    try (PveSimulator pve = PveSimulator.builder().start();
        PulseServer server = PulseServer.start(AppFixture.config(data, AppFixture.TOKEN), false, Clock.systemUTC(), "it")) {
      String bootstrap = Files.readString(data.resolve(".bootstrap-token")).strip();
      ok(AppFixture.post(server, "/api/security/setup", "{\"bootstrapToken\":\"" + bootstrap
          + "\",\"username\":\"alice\",\"password\":\"correct horse battery\"}", null));
      ok(AppFixture.post(server, "/api/connections", "{\"type\":\"pve\",\"name\":\"lab\",\"url\":\"" + pve.baseUrl()
          + "\",\"tokenId\":\"pulse@pve!monitor\",\"tokenSecret\":\"00000000-0000-0000-0000-000000000000\",\"fingerprint\":\""
          + pve.fingerprint() + "\",\"verifyTls\":true}", AppFixture.TOKEN));
      ok(AppFixture.post(server, "/api/notifications/channels", "{\"name\":\"ops\",\"type\":\"email\",\"settings\":{"
          + "\"host\":\"127.0.0.1\",\"port\":\"9\",\"security\":\"none\",\"from\":\"p@example.com\",\"to\":\"o@example.com\"}}",
          AppFixture.TOKEN));
      ok(send(server, "PUT", "/api/security/sso/corp", "{\"name\":\"Corp\",\"type\":\"oidc\",\"settings\":{\"discoveryUrl\":"
          + "\"https://127.0.0.1:9/.well-known/openid-configuration\",\"clientId\":\"pulse\"},\"secrets\":{\"clientSecret\":\"x\"}}"));
      ok(AppFixture.post(server, "/api/security/tokens", "{\"name\":\"ci\",\"scopes\":[\"monitoring:read\"]}", AppFixture.TOKEN));
      String config = AppFixture.get(server, "/api/alerts/config", AppFixture.TOKEN).body();
      ok(send(server, "PUT", "/api/alerts/config", config));
      ok(AppFixture.post(server, "/api/agents/host/report", ReportSamples.host().replace("pve1", "elsewhere")
          .replace("4c4c45440032", "4c4c4544ffff"), AppFixture.TOKEN));
      String node = null;
      String agent = null;
      for (int i = 0; i < 200 && (node == null || agent == null); i++) {
        Thread.sleep(50);
        for (var r : JSON.readTree(AppFixture.get(server, "/api/resources?type=agent", AppFixture.TOKEN).body()).get("resources")) {
          String id = r.get("id").asText();
          if (id.endsWith(":node-pve1")) {
            node = id;
          } else if (id.startsWith("host-")) {
            agent = id;
          }
        }
      }
      ok(AppFixture.post(server, "/api/resources/" + agent + "/link", "{\"targetId\":\"" + node + "\"}", AppFixture.TOKEN));
      Thread.sleep(6_000); // the history writer's 5 s flush, and the audit
      whileRunning = modes(data);
    }
    TreeMap<String, String> afterwards = modes(data);
    assertTrue(whileRunning.containsKey("pulse.db-wal") && whileRunning.containsKey("pulse.db-shm"),
        "the database runs in WAL mode: " + whileRunning.keySet());
    for (String expected : List.of("pulse.db", "secret.key", "connections.enc", "channels.enc", "sso.enc", "api-tokens.json",
        "alerts.json", "identity-links.json", "notes.txt")) {
      assertTrue(whileRunning.containsKey(expected), expected + " was written: " + whileRunning.keySet());
    }
    for (TreeMap<String, String> seen : List.of(whileRunning, afterwards)) {
      seen.forEach((name, mode) -> assertEquals(name.equals(".") ? "rwx------" : "rw-------", mode, name + " in " + seen));
    }
  }
}
