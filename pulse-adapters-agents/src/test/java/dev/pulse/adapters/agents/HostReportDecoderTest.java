package dev.pulse.adapters.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.agent.ReportSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostReportDecoderTest {

  private final HostReportDecoder decoder = new HostReportDecoder();

  static String full() throws IOException {
    return ReportSamples.host();
  }

  private AgentReport decode(String json) {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyFieldOfTheDocumentedSchemaIsRead() throws IOException {
    AgentReport report = decode(full());
    ObservedResource host = report.resources().get(0);

    assertEquals("agent-7f3c", report.agentId());
    assertEquals(Duration.ofSeconds(30), report.interval());
    assertEquals(ResourceType.AGENT, host.type());
    assertEquals("pve1 (rack 2)", host.name());
    assertEquals(12.5, host.metrics().cpu().percent());
    assertEquals(16, host.metrics().cpu().cores());
    assertEquals(25_769_803_776L, host.metrics().memory().used(), "usedBytes as the agent measured it (MemTotal − MemAvailable)");
    assertEquals(100_000_000_000L, host.metrics().disk().total(), "the root filesystem is the host's disk");
    assertEquals(1_048_576L, host.metrics().swap().used());
    assertEquals("4c4c45440032", host.identity().machineId());
    assertEquals(List.of("10.0.0.11", "fe80::be24:11ff:feaa:bbcc", "172.17.0.1"), host.identity().ips());
    assertEquals(Map.of("cpu_package", 54.0, "nvme0", 41.5), host.facets().agent().temperaturesCelsius());
    assertEquals(2, host.facets().agent().filesystems().size());
    assertEquals("6.8.12-4-pve", host.facets().host().kernel());
    assertEquals(List.of(0.52, 0.61, 0.58), host.facets().host().loadAverage());
    assertEquals(List.of("prod", "pve"), host.tags());
    assertEquals(ResourceStatus.WARNING, host.status(), "a degraded RAID array needs attention");
  }

  @Test
  void wrongTypesAreRefusedNamingTheField() throws IOException {
    InvalidReportException e = assertThrows(InvalidReportException.class,
        () -> decode(full().replace("\"cpuUsagePercent\": 12.5", "\"cpuUsagePercent\": \"high\"")));
    assertEquals("metrics.cpuUsagePercent", e.field());

    e = assertThrows(InvalidReportException.class,
        () -> decode(full().replace("\"totalBytes\": 67108864000", "\"totalBytes\": \"67108864000\"")));
    assertEquals("metrics.memory.totalBytes", e.field(), "a number sent as a string is a type error here");

    e = assertThrows(InvalidReportException.class, () -> decode(full().replace("\"tags\": [\"prod\", \"pve\"]", "\"tags\": 7")));
    assertEquals("tags", e.field());
  }

  @Test
  void missingIdentityAndImpossibleFiguresAreRefused() throws IOException {
    assertEquals("agent.id", assertThrows(InvalidReportException.class,
        () -> decode(full().replace("\"id\": \"agent-7f3c\"", "\"id\": \"\""))).field());
    assertEquals("host.hostname", assertThrows(InvalidReportException.class,
        () -> decode(full().replace("\"hostname\": \"pve1\", \"displayName\"", "\"displayName\""))).field());
    assertEquals("metrics.cpuUsagePercent", assertThrows(InvalidReportException.class,
        () -> decode(full().replace("\"cpuUsagePercent\": 12.5", "\"cpuUsagePercent\": 250"))).field());
    assertEquals("(body)", assertThrows(InvalidReportException.class, () -> decode("[1,2]")).field());
    assertEquals("(body)", assertThrows(InvalidReportException.class, () -> decode("{\"agent\":")).field());
  }

  @Test
  void aMinimalReportLeavesWhatItDoesNotSayUnknown() {
    AgentReport report = decode("{\"agent\":{\"id\":\"a1\"},\"host\":{\"hostname\":\"box\"}}");
    ObservedResource host = report.resources().get(0);

    assertEquals(Duration.ofSeconds(30), report.interval(), "the unified agent's default interval");
    assertEquals(null, host.metrics().cpu());
    assertEquals(null, host.metrics().memory());
    assertTrue(host.facets().agent().temperaturesCelsius().isEmpty());
  }

  @Test
  void thisAgentsSmartListIsKeptAndAFailingDiskMakesTheHostWarn() throws IOException {
    String smart = "\"smart\": [{\"device\": \"/dev/nvme0\", \"model\": \"Samsung SSD 980 PRO 1TB\", \"passed\": true, "
        + "\"temperatureCelsius\": 41.0, \"wearoutPercent\": 3}, {\"device\": \"/dev/sdc\", \"passed\": false, "
        + "\"reallocatedSectors\": 2048}], \"tags\"";
    String raidClean = full().replace("\"tags\"", smart).replace("clean, degraded", "clean").replace("\"failedDevices\": 1", "\"failedDevices\": 0");

    var host = decode(raidClean).resources().get(0);

    assertEquals(2, host.facets().agent().smart().size());
    assertEquals(3, host.facets().agent().smart().get(0).wearoutPercent());
    assertEquals(2048L, host.facets().agent().smart().get(1).reallocatedSectors());
    assertEquals(dev.pulse.domain.resource.ResourceStatus.WARNING, host.status(), "a disk that fails SMART");
    assertEquals(dev.pulse.domain.resource.ResourceStatus.ONLINE,
        decode(raidClean.replace("\"passed\": false", "\"passed\": true")).resources().get(0).status());
  }
}
