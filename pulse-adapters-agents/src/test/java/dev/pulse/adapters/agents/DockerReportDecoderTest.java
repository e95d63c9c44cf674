package dev.pulse.adapters.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.DockerFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import dev.pulse.simulators.agent.ReportSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerReportDecoderTest {

  private final DockerReportDecoder decoder = new DockerReportDecoder();

  /** Every field of Pulse's Docker report schema, as its Go agent sends them. */
  static final String FULL = ReportSamples.docker();

  private AgentReport decode(String json) {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ObservedResource byKey(AgentReport r, String key) {
    return r.resources().stream().filter(o -> o.sourceKey().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void everyFieldOfTheDocumentedSchemaIsAccepted() {
    AgentReport r = decode(FULL);

    assertEquals("agent-7", r.agentId());
    assertEquals(List.of("docker-host", "container-aaaaaaaaaaaa", "container-bbbbbbbbbbbb", "container-cccccccccccc", "service-svc1"),
        r.resources().stream().map(ObservedResource::sourceKey).toList());
    DockerFacet.Host host = byKey(r, "docker-host").facets().docker().host();
    assertEquals(3, host.containers());
    assertEquals(2, host.running());
    assertEquals(1, host.unhealthy());
    assertEquals("manager", host.swarmRole());
  }

  @Test
  void dockersCpuOfOneCpuIsTurnedIntoAShareOfTheHostsCpus() {
    ObservedResource nginx = byKey(decode(FULL), "container-aaaaaaaaaaaa");

    assertEquals(25.0, nginx.metrics().cpu().percent(), 1e-9, "200 % of one CPU on 8 CPUs");
    assertEquals(8, nginx.metrics().cpu().cores());
    assertEquals(34359738368L, nginx.metrics().memory().total(), "no limit: over the host's memory");
    assertEquals(List.of("8080→80/tcp"), nginx.facets().docker().container().ports(), "IPv4 and IPv6 listings are one port");
    assertEquals("web", nginx.facets().docker().container().composeProject());
    assertEquals(ResourceType.APP_CONTAINER, nginx.type());
    assertEquals("docker-host", nginx.parentKey());
  }

  @Test
  void stoppedContainersKeepTheirExitCodeAndOomKillButNoFigures() {
    ObservedResource batch = byKey(decode(FULL), "container-bbbbbbbbbbbb");

    assertEquals("batch", batch.name(), "the leading / of Docker names is dropped");
    assertEquals(ResourceStatus.OFFLINE, batch.status());
    assertEquals(137, batch.facets().docker().container().exitCode());
    assertEquals(Boolean.TRUE, batch.facets().docker().container().oomKilled());
    assertEquals("jobs", batch.facets().docker().container().composeProject(), "Podman's compose project");
    assertNull(batch.metrics().cpu(), "a stopped container's CPU is unknown, not 0");
    assertNull(batch.metrics().memory());
  }

  @Test
  void anUnhealthyContainerAndAServiceShortOfReplicasWarn() {
    AgentReport r = decode(FULL);

    assertEquals(ResourceStatus.WARNING, byKey(r, "container-cccccccccccc").status());
    assertEquals("unhealthy", byKey(r, "container-cccccccccccc").facets().docker().container().health(), "from the status text");
    ObservedResource service = byKey(r, "service-svc1");
    assertEquals(ResourceStatus.WARNING, service.status());
    assertEquals(List.of("slot 3: task: non-zero exit (1)"), service.facets().docker().service().failedTasks());
  }

  @Test
  void wrongTypesAreRefusedNamingTheField() {
    InvalidReportException cpu = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("\"cpuPercent\":200.0", "\"cpuPercent\":\"200\"")));
    InvalidReportException time = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("2026-11-27T10:00:01Z", "yesterday")));
    InvalidReportException id = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("\"id\":\"cccccccccccc0123456789\",", "")));

    assertEquals("containers[0].cpuPercent", cpu.field());
    assertEquals("containers[0].startedAt", time.field());
    assertEquals("containers[2].id", id.field());
  }

  @Test
  void idsWithAnyCharactersGetSafeKeysThatStayApart() {
    AgentReport r = decode(FULL.replace("aaaaaaaaaaaa", "my app/é%s").replace("bbbbbbbbbbbb", "my_app_é_s").replace("svc1", "svc 1/x"));

    List<String> keys = r.resources().stream().map(ObservedResource::sourceKey).toList();
    assertEquals(5, keys.stream().distinct().count(), keys.toString());
    keys.forEach(k -> assertTrue(SourceKeys.isSafe(k), k));
    assertEquals("svc 1/x", r.resources().stream().filter(o -> o.type() == ResourceType.DOCKER_SERVICE).findFirst().orElseThrow()
        .facets().docker().service().serviceId(), "the platform's own id is kept in the facet");
  }
}
