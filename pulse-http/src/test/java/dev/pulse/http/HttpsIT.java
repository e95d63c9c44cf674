package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.engine.PulseEngine;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files: HSTS on every answer and a Secure session cookie. */
class HttpsIT {

  @TempDir Path dir;

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type
        + "-----\n";
  }

  @Test
  void pulseServesHttpsFromPemFilesWithHstsAndSecureCookies() throws Exception {
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    try (InputStream in = HttpsIT.class.getResourceAsStream("/dev/pulse/simulators/simulator.p12")) {
      p12.load(in, "simulator".toCharArray());
    }
    Certificate cert = p12.getCertificate("simulator");
    Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY",
        p12.getKey("simulator", "simulator".toCharArray()).getEncoded()));

    Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), Clock.systemUTC(), Accounts.Bootstrap.NONE);
    accounts.directory().create(Actor.system("test"), "alice", "correct horse battery", List.of("admin"));
    try (PulseEngine engine = PulseEngine.builder().build().start();
        PulseHttpServer server = PulseHttpServer.builder().engine(engine).host("127.0.0.1")
            .access(new AccessPolicy(new AccessTokens(HttpFixture.TOKEN::equals, ApiTokenStore.inMemory(), Clock.systemUTC()),
                accounts, false, List.of()))
            .tls(new TlsFiles(certFile, keyFile)).build().start(0)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("pulse", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      URI base = URI.create("https://localhost:" + server.port());
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElseThrow());
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/api/security/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"correct horse battery\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(login.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"), login.headers().toString());
    }
  }

  @Test
  void aKeyInTheOldRsaFormatIsRefusedWithTheCommandThatConvertsIt() throws Exception {
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    try (InputStream in = HttpsIT.class.getResourceAsStream("/dev/pulse/simulators/simulator.p12")) {
      p12.load(in, "simulator".toCharArray());
    }
    Path cert = Files.writeString(dir.resolve("c.pem"), pem("CERTIFICATE", p12.getCertificate("simulator").getEncoded()));
    Path key = Files.writeString(dir.resolve("k.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TlsFiles(cert, key).keyStore());
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
  }
}
