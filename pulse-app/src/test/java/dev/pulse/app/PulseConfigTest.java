package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PulseConfigTest {

  @Test
  void defaultsArePort7655AndDataDirData() {
    PulseConfig c = PulseConfig.fromEnvironment(Map.of());
    assertEquals(7655, c.port());
    assertEquals(Path.of("./data"), c.dataDir());
    assertNull(c.apiToken());
    assertEquals(Duration.ofSeconds(10), c.pollInterval());
  }

  @Test
  void badValuesNameTheVariable() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PulseConfig.fromEnvironment(Map.of("PULSE_PORT", "http")))
        .getMessage().contains("PULSE_PORT"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PulseConfig.fromEnvironment(Map.of("PULSE_PORT", "70000")))
        .getMessage().contains("PULSE_PORT"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PulseConfig.fromEnvironment(Map.of("PULSE_API_TOKEN", "short")))
        .getMessage().contains("PULSE_API_TOKEN"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PulseConfig.fromEnvironment(Map.of("PULSE_POLL_INTERVAL", "0")))
        .getMessage().contains("PULSE_POLL_INTERVAL"));
  }

  @Test
  void historyRetentionAndTheMetricsPortComeFromTheEnvironment() {
    PulseConfig c = PulseConfig.fromEnvironment(Map.of("PULSE_HISTORY_RAW_HOURS", "48", "PULSE_HISTORY_DAY_DAYS", "3650",
        "PULSE_METRICS_PORT", "9464"));
    assertEquals(Duration.ofHours(48), c.retention().raw());
    assertEquals(Duration.ofDays(7), c.retention().minute());
    assertEquals(Duration.ofDays(3650), c.retention().day());
    assertEquals(9464, c.metricsPort());
    assertNull(PulseConfig.fromEnvironment(Map.of()).metricsPort(), "off unless asked for");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PulseConfig.fromEnvironment(Map.of("PULSE_HISTORY_RAW_HOURS", "240"))).getMessage().contains("PULSE_HISTORY"),
        "10 days of raw samples but 7 of minutes");
  }

  @Test
  void theTokenNeverAppearsInTheConfigsText() {
    PulseConfig c = PulseConfig.fromEnvironment(Map.of("PULSE_API_TOKEN", "super-secret-token-value"));
    assertFalse(c.toString().contains("super-secret"));
  }

  @Test
  void proxySignInNeedsItsSecretAndNetworksAndNamesTheVariables() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PulseConfig.fromEnvironment(Map.of("PULSE_PROXY_AUTH_HEADER", "X-Remote-User")));
    assertTrue(e.getMessage().startsWith("PULSE_PROXY_AUTH_*"), e.getMessage());
    PulseConfig c = PulseConfig.fromEnvironment(Map.of("PULSE_PROXY_AUTH_HEADER", "X-Remote-User",
        "PULSE_PROXY_AUTH_SECRET", "proxy-secret-value-123", "PULSE_PROXY_AUTH_CIDRS", "10.0.0.0/8, fd00::/8",
        "PULSE_PROXY_AUTH_ROLES", "admins=admin,ops=operator", "PULSE_AUTH_USER", "root", "PULSE_AUTH_PASS", "root-password-value"));
    assertEquals(java.util.Set.of("admin", "operator"), c.security().proxyAuth().roles("ops,admins"));
    assertFalse(c.toString().contains("proxy-secret-value") || c.toString().contains("root-password-value"), c.toString());
  }

  @Test
  void anEncryptionKeyMustBe32BytesOfBase64() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PulseConfig.fromEnvironment(Map.of("PULSE_ENCRYPTION_KEY",
        "c2hvcnQ="))).getMessage().startsWith("PULSE_ENCRYPTION_KEY"));
  }
}
