package dev.pulse.adapters.proxmox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.Fault;
import dev.pulse.simulators.pve.PveSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PVE collector against the PVE simulator over real HTTPS on loopback. */
class PveCollectorIT {

  private static final String TOKEN_ID = "monitor@pve!pulse";
  private static final String SECRET = "5f0c5e4a-1b2c-4d5e-8f90-a1b2c3d4e5f6";
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private static PveSimulator sim;
  private static String pin;

  @BeforeAll
  static void startSimulator() {
    sim = PveSimulator.builder().token(TOKEN_ID, SECRET).clock(FIXED).start();
    pin = CertificateFingerprint.normalize(sim.fingerprint()).orElseThrow();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void clearFaults() {
    sim.setFault(Fault.NONE);
    sim.setLatency(Duration.ZERO);
  }

  static ConnectionConfig connection(String tokenId, String secret, String fingerprint, boolean verifyTls) {
    return new ConnectionConfig("c1", ConnectionType.PVE, "homelab", List.of(sim.baseUrl()),
        new Credentials.ApiToken(tokenId, Secret.of(secret)), fingerprint == null ? Set.of() : Set.of(fingerprint), verifyTls);
  }

  private static PveCollector collector(ConnectionConfig connection, Duration timeout) {
    return new PveCollector(connection, timeout, Clock.systemUTC());
  }

  private static Map<String, ObservedResource> collectOk() {
    CollectionResult result = collector(connection(TOKEN_ID, SECRET, pin, true), Duration.ofSeconds(5)).collect();
    assertTrue(result.succeeded(), result.error());
    return result.resources().stream().collect(Collectors.toMap(ObservedResource::sourceKey, Function.identity()));
  }

  private static JsonNode raw(String path) throws Exception {
    return new ProxmoxApiClient(connection(TOKEN_ID, SECRET, pin, true), Duration.ofSeconds(5), Clock.systemUTC()).get(path);
  }

  private static JsonNode rawItem(String id) throws Exception {
    for (JsonNode item : raw("/cluster/resources")) {
      if (id.equals(item.path("id").asText())) {
        return item;
      }
    }
    throw new AssertionError("no item " + id);
  }

  @Test
  void onlineNodesCarryCpuAsPercentAndMemoryAndRootDiskInBytesFromNodeStatus() throws Exception {
    ObservedResource pve1 = collectOk().get("node-pve1");
    JsonNode status = raw("/nodes/pve1/status");

    assertEquals(ResourceType.AGENT, pve1.type());
    assertEquals(ResourceStatus.ONLINE, pve1.status());
    assertEquals(status.get("cpu").asDouble() * 100, pve1.metrics().cpu().percent(), 1e-9);
    assertEquals(16, pve1.metrics().cpu().cores());
    assertEquals(status.at("/memory/used").asLong(), pve1.metrics().memory().used());
    assertEquals(status.at("/memory/total").asLong(), pve1.metrics().memory().total());
    assertEquals(status.at("/rootfs/used").asLong(), pve1.metrics().disk().used());
    assertEquals("proxmox", pve1.metrics().cpu().source());
    assertEquals(List.of("10.0.0.11"), pve1.identity().ips());
  }

  @Test
  void anOfflineNodeHasUnknownMetricsNotZeros() {
    ObservedResource pve3 = collectOk().get("node-pve3");

    assertEquals(ResourceStatus.OFFLINE, pve3.status());
    assertNull(pve3.metrics().cpu());
    assertNull(pve3.metrics().memory());
    assertNull(pve3.metrics().disk());
  }

  @Test
  void aQemuGuestsDiskIsUnknownWithoutItsAgentBecausePveAlwaysSendsZero() throws Exception {
    ObservedResource vm = collectOk().get("qemu-102");
    JsonNode item = rawItem("qemu/102");

    assertEquals(0, item.get("disk").asLong(), "the simulator serves the quirk");
    assertEquals(ResourceType.VM, vm.type());
    assertNull(vm.metrics().disk());
    assertEquals(item.get("cpu").asDouble() * 100, vm.metrics().cpu().percent(), 1e-9);
    assertEquals(item.get("mem").asLong(), vm.metrics().memory().used());
    assertEquals("node-pve2", vm.parentKey());
  }

  @Test
  void lxcGuestsAreSystemContainersWithRealDiskUse() throws Exception {
    ObservedResource ct = collectOk().get("lxc-101");
    JsonNode item = rawItem("lxc/101");

    assertEquals(ResourceType.SYSTEM_CONTAINER, ct.type());
    assertNotNull(ct.metrics().disk());
    assertEquals(item.get("disk").asLong(), ct.metrics().disk().used());
  }

  @Test
  void numbersSentAsStringsAreParsed() throws Exception {
    assertTrue(rawItem("lxc/105").get("vmid").isTextual(), "the simulator sends vmid as a string");
    assertTrue(rawItem("lxc/105").get("mem").isTextual(), "the simulator sends mem as a string");

    ObservedResource ct = collectOk().get("lxc-105");

    assertEquals(105, ct.facets().proxmox().vmid());
    assertEquals(Long.parseLong(rawItem("lxc/105").get("mem").asText()), ct.metrics().memory().used());
  }

  @Test
  void tagsSplitOnSemicolonsCommasAndSpaces() {
    Map<String, ObservedResource> all = collectOk();

    assertEquals(List.of("prod", "web"), all.get("qemu-100").tags());
    assertEquals(List.of("lab", "test"), all.get("lxc-101").tags());
  }

  @Test
  void templateLockHaStateAndPoolAreKeptInTheProxmoxFacet() {
    Map<String, ObservedResource> all = collectOk();

    assertTrue(all.get("qemu-9000").facets().proxmox().template());
    assertTrue(all.get("lxc-9001").facets().proxmox().template());
    assertFalse(all.get("qemu-100").facets().proxmox().template());
    assertEquals("backup", all.get("qemu-124").facets().proxmox().lock());
    assertEquals("started", all.get("qemu-100").facets().proxmox().hastate());
    assertEquals("prod", all.get("qemu-100").facets().proxmox().pool());
    assertEquals(ResourceStatus.WARNING, all.get("qemu-125").status(), "a paused VM needs attention");
  }

  @Test
  void stoppedGuestsAndGuestsOnAnOfflineNodeHaveUnknownFigures() {
    Map<String, ObservedResource> all = collectOk();

    ObservedResource stopped = all.get("qemu-106");
    assertEquals(ResourceStatus.OFFLINE, stopped.status());
    assertNull(stopped.metrics().cpu());

    ObservedResource orphan = all.get("qemu-300");
    assertEquals(ResourceStatus.UNKNOWN, orphan.status());
    assertEquals("VM 300", orphan.name(), "PVE omits the name on an offline node");
    assertNull(orphan.metrics().memory());
  }

  @Test
  void sharedStorageListedOncePerNodeBecomesOneResource() {
    Map<String, ObservedResource> all = collectOk();

    ObservedResource nas = all.get("storage-nas-backup");
    assertEquals(List.of("pve3", "pve2", "pve1").stream().sorted().toList(), nas.facets().storage().nodes().stream().sorted().toList());
    assertTrue(nas.facets().storage().shared());
    assertNull(nas.parentKey());
    assertTrue(nas.metrics().disk().percent() > 90, "the scenario has one storage over 90 %");
    assertEquals(1, all.keySet().stream().filter(k -> k.startsWith("storage-nas-backup")).count());

    assertTrue(all.containsKey("storage-local-zfs@pve1"));
    assertTrue(all.containsKey("storage-local-zfs@pve2"));
    assertEquals("node-pve1", all.get("storage-local-zfs@pve1").parentKey());
    ObservedResource inactive = all.get("storage-local-zfs@pve3");
    assertEquals(ResourceStatus.OFFLINE, inactive.status());
    assertNull(inactive.metrics().disk());
  }

  @Test
  void poolSdnAndNetworkEntriesAreNotResources() {
    assertTrue(collectOk().keySet().stream().noneMatch(k -> k.startsWith("pool") || k.startsWith("sdn") || k.contains("vmbr")));
  }

  @Test
  void theScenarioHasThreeNodesAndAtLeastThirtyGuests() {
    Map<String, ObservedResource> all = collectOk();
    assertEquals(3, all.values().stream().filter(r -> r.type() == ResourceType.AGENT).count());
    assertTrue(all.values().stream().filter(r -> r.type() == ResourceType.VM || r.type() == ResourceType.SYSTEM_CONTAINER).count() >= 30);
  }

  @Test
  void aWrongTokenSecretGets401AndAClearError() {
    CollectionResult result = collector(connection(TOKEN_ID, "wrong", pin, true), Duration.ofSeconds(5)).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().contains("HTTP 401"), result.error());
    assertTrue(result.error().contains("token"), result.error());
  }

  @Test
  void aWrongFingerprintRefusesTheConnection() {
    String wrong = "ab".repeat(32);
    int before = sim.requestCount();

    CollectionResult result = collector(connection(TOKEN_ID, SECRET, wrong, true), Duration.ofSeconds(5)).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().contains("fingerprint mismatch"), result.error());
    assertEquals(before, sim.requestCount(), "no request, and so no token, was sent");
  }

  @Test
  void aSelfSignedCertificateIsRefusedWhenVerifiedWithoutAPin() {
    CollectionResult result = collector(connection(TOKEN_ID, SECRET, null, true), Duration.ofSeconds(5)).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().contains("TLS handshake"), result.error());
  }

  @Test
  void junkAndServerErrorsFailTheCollectionWithoutThrowing() {
    PveCollector collector = collector(connection(TOKEN_ID, SECRET, pin, true), Duration.ofSeconds(5));

    sim.setFault(Fault.JUNK_BODY);
    assertTrue(collector.collect().error().contains("not JSON"));

    sim.setFault(Fault.HTTP_500);
    assertTrue(collector.collect().error().contains("HTTP 500"));
  }

  @Test
  void aSlowApiTimesOutWithAClearError() {
    sim.setLatency(Duration.ofSeconds(2));

    CollectionResult result = collector(connection(TOKEN_ID, SECRET, pin, true), Duration.ofMillis(300)).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().contains("timed out"), result.error());
  }
}
