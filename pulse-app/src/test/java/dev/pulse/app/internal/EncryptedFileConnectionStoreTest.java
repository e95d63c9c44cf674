package dev.pulse.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.PollIntervals;
import dev.pulse.domain.connection.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileConnectionStoreTest {

  @TempDir Path dir;

  @Test
  void bothKindsOfCredentialsAndEveryEndpointSurviveARoundTrip() throws Exception {
    AesGcmCipher cipher = AesGcmCipher.fromKeyFile(dir.resolve("k"));
    EncryptedFileConnectionStore store = new EncryptedFileConnectionStore(dir.resolve("c.enc"), cipher);
    List<ConnectionConfig> saved = List.of(
        new ConnectionConfig("a", ConnectionType.PVE, "token", List.of(URI.create("https://a:8006"), URI.create("https://b:8006")),
            new Credentials.ApiToken("x@pve!t", Secret.of("s1")), Set.of("ab".repeat(32)), true),
        new ConnectionConfig("b", ConnectionType.PVE, "password", List.of(URI.create("https://c:8006")),
            new Credentials.UserPassword("root@pam", Secret.of("pw")), Set.of(), false,
            new PollIntervals(null, Duration.ofSeconds(120), Duration.ofMinutes(30))));

    store.saveAll(saved);

    assertEquals(saved, new EncryptedFileConnectionStore(dir.resolve("c.enc"), cipher).loadAll());
  }

  @Test
  void aVersionOneFileWithOneUrlAndOneFingerprintStillLoads() throws Exception {
    AesGcmCipher cipher = AesGcmCipher.fromKeyFile(dir.resolve("k"));
    String v1 = "[{\"id\":\"c1\",\"type\":\"pve\",\"name\":\"lab\",\"url\":\"https://pve1:8006\",\"tokenId\":\"m@pve!p\","
        + "\"tokenSecret\":\"s\",\"fingerprint\":\"" + "cd".repeat(32) + "\",\"verifyTls\":true}]";
    Files.write(dir.resolve("c.enc"), cipher.encrypt(v1.getBytes(StandardCharsets.UTF_8)));

    ConnectionConfig c = new EncryptedFileConnectionStore(dir.resolve("c.enc"), cipher).loadAll().get(0);

    assertEquals(List.of(URI.create("https://pve1:8006")), c.endpoints());
    assertEquals(Set.of("cd".repeat(32)), c.fingerprints());
    assertEquals("s", assertInstanceOf(Credentials.ApiToken.class, c.credentials()).secret().reveal());
  }
}
