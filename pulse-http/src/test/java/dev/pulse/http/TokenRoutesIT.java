package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /api/security/tokens} and the scopes they grant, over real HTTP. */
class TokenRoutesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anIssuedTokenIsShownOnceWorksForItsScopeOnlyAndStopsWhenRevoked() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      HttpResponse<String> created = fx.send("POST", "/api/security/tokens",
          "{\"name\":\"grafana\",\"scopes\":[\"monitoring:read\"],\"expiresInDays\":30}", HttpFixture.TOKEN);
      assertEquals(201, created.statusCode(), created.body());
      JsonNode issued = JSON.readTree(created.body());
      String token = issued.get("token").asText();
      assertTrue(token.startsWith("pulse_") && token.length() > 40);

      String listed = fx.get("/api/security/tokens", HttpFixture.TOKEN).body();
      assertFalse(listed.contains(token), "the token is never shown again");
      assertTrue(listed.contains("\"hint\":\"…" + token.substring(token.length() - 4) + "\""));
      assertEquals(200, fx.get("/api/resources", token).statusCode());
      assertEquals(403, fx.send("POST", "/api/connections", "{}", token).statusCode(), "read-only");
      assertEquals(403, fx.get("/api/security/tokens", token).statusCode());

      assertEquals(204, fx.send("DELETE", "/api/security/tokens/" + issued.get("id").asText(), null, HttpFixture.TOKEN).statusCode());
      assertEquals(401, fx.get("/api/resources", token).statusCode(), "revoked at once");
      assertTrue(JSON.readTree(fx.get("/api/security/tokens", HttpFixture.TOKEN).body()).get("tokens").isEmpty());
    }
  }

  @Test
  void badTokenRequestsNameTheField() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      HttpResponse<String> unknownScope = fx.send("POST", "/api/security/tokens",
          "{\"name\":\"x\",\"scopes\":[\"agent:report\",\"root\"]}", HttpFixture.TOKEN);
      HttpResponse<String> noScopes = fx.send("POST", "/api/security/tokens", "{\"name\":\"x\",\"scopes\":[]}", HttpFixture.TOKEN);
      HttpResponse<String> noName = fx.send("POST", "/api/security/tokens", "{\"scopes\":[\"agent:report\"]}", HttpFixture.TOKEN);
      HttpResponse<String> badDays = fx.send("POST", "/api/security/tokens",
          "{\"name\":\"x\",\"scopes\":[\"agent:report\"],\"expiresInDays\":0}", HttpFixture.TOKEN);
      HttpResponse<String> anonymous = fx.send("POST", "/api/security/tokens", "{\"name\":\"x\",\"scopes\":[\"*\"]}", null);

      assertEquals("scopes[1]", JSON.readTree(unknownScope.body()).get("field").asText());
      assertEquals("scopes", JSON.readTree(noScopes.body()).get("field").asText());
      assertEquals("name", JSON.readTree(noName.body()).get("field").asText());
      assertEquals("expiresInDays", JSON.readTree(badDays.body()).get("field").asText());
      assertEquals(400, badDays.statusCode());
      assertEquals(401, anonymous.statusCode());
    }
  }

  @Test
  void theInstallScriptIsPublicAndTheJarSaysWhenThisBuildHasNone() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      HttpResponse<String> script = fx.get("/install.sh", null);
      HttpResponse<String> jar = fx.get("/download/pulse-agent.jar", null);

      assertEquals(200, script.statusCode());
      assertTrue(script.body().startsWith("#!/usr/bin/env bash"));
      assertTrue(script.body().contains("[Xx]-[Cc]hecksum-[Ss]ha256"), "the script checks the jar's checksum");
      assertTrue(script.body().contains("needs 17 or newer"));
      assertEquals(404, jar.statusCode());
      assertTrue(jar.body().contains("java -jar pulse.jar"), jar.body());
    }
  }

  @Test
  void theAgentJarComesWithItsSha256(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path jar = dir.resolve("pulse.jar");
    java.nio.file.Files.write(jar, "not really a jar, but bytes to hash".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(java.nio.file.Files.readAllBytes(jar)));
    try (HttpFixture fx = new HttpFixture(false, jar)) {
      HttpResponse<String> r = fx.get("/download/pulse-agent.jar", null);

      assertEquals(200, r.statusCode());
      assertEquals(expected, r.headers().firstValue("X-Checksum-Sha256").orElse(""));
      assertEquals("not really a jar, but bytes to hash", r.body());
    }
  }
}
