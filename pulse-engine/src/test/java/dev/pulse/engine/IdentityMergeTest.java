package dev.pulse.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.identity.IdentityLinks;
import dev.pulse.domain.resource.AgentFacet;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.Observation;
import dev.pulse.domain.source.ObservedResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityMergeTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final long GIB = 1L << 30;

  private final ResourceRegistry registry = new ResourceRegistry();
  private final List<StateChange> changes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    registry.registerSource("pve", "pve", Duration.ofSeconds(10), T0);
    registry.registerSource("agent-a", "agent", Duration.ofSeconds(30), Duration.ofMinutes(5), T0);
    registry.addListener(changes::add);
  }

  private static ObservedResource node(String name, String ip, long memUsed) {
    return new ObservedResource("node-" + name, ResourceType.AGENT, name, ResourceStatus.ONLINE, null,
        new Identity(null, null, List.of(name), List.of(ip), List.of()),
        Metrics.of(new CpuMetric(12.0, 8, "pve"), UsageMetric.of(memUsed, 32 * GIB, "pve"), null), List.of(), Facets.NONE);
  }

  private static ObservedResource agentHost(String hostname, String ip, long memUsed, double temp) {
    AgentFacet facet = new AgentFacet("a1", "1.0", 30, "Debian", "12", "amd64", Map.of("cpu", temp), Map.of(), List.of(),
        List.of(), List.of(), List.of());
    return new ObservedResource("host", ResourceType.AGENT, hostname, ResourceStatus.ONLINE, null,
        new Identity("mid-1", null, List.of(hostname), List.of(ip, "172.17.0.1"), List.of("bc:24:11:00:00:01")),
        Metrics.of(new CpuMetric(15.0, 8, "agent"), UsageMetric.of(memUsed, 32 * GIB, "agent"), null), List.of(),
        Facets.NONE.withAgent(facet));
  }

  private void poll(String source, Instant at, ObservedResource... resources) {
    registry.apply(new Observation(source, "test", at, CollectionResult.success(List.of(resources))));
  }

  @Test
  void anAgentOnAPveNodeEnrichesTheNodeInsteadOfAddingATwin() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0.plusSeconds(1), agentHost("PVE1.lan.example", "10.0.0.11", 12 * GIB, 48.5));

    List<Resource> all = registry.snapshot().resources();
    assertEquals(1, all.size());
    Resource merged = all.get(0);
    assertEquals("pve:node-pve1", merged.id());
    assertEquals(List.of("pve", "agent-a"), merged.sources().stream().map(SourceRef::sourceId).toList());
    assertEquals(12 * GIB, merged.metrics().memory().used(), "the agent's MemAvailable-based memory wins");
    assertEquals("agent", merged.metrics().memory().source());
    assertEquals("pve", merged.metrics().cpu().source());
    assertEquals(48.5, merged.facets().agent().temperaturesCelsius().get("cpu"));
    assertEquals("mid-1", merged.identity().machineId());
    assertEquals(merged, registry.get("agent-a:host").orElseThrow(), "the agent's own id finds the merged resource");
  }

  @Test
  void anAgentThatArrivesFirstIsFoldedInWhenItsNodeAppears() {
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));
    assertEquals(List.of("agent-a:host"), ids());

    poll("pve", T0.plusSeconds(1), node("pve1", "10.0.0.11", 20 * GIB));

    assertEquals(List.of("pve:node-pve1"), ids());
    StateChange last = changes.get(changes.size() - 1);
    assertEquals(List.of("agent-a:host"), last.removed());
    assertEquals(List.of("pve:node-pve1"), last.upserts().stream().map(Resource::id).toList());
  }

  @Test
  void anAgentWhoseOnlySharedAddressIsTheDockerBridgeStaysSeparate() {
    poll("pve", T0, node("pve1", "172.17.0.1", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.50", 1 * GIB, 40));

    assertEquals(List.of("agent-a:host", "pve:node-pve1"), ids());
  }

  @Test
  void whenTheNodeVanishesTheAgentStandsAloneAgain() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));

    poll("pve", T0.plusSeconds(10));

    assertEquals(List.of("agent-a:host"), ids());
    assertEquals(1, registry.get("agent-a:host").orElseThrow().sources().size());
  }

  @Test
  void aStaleAgentNoLongerOverridesTheNodesFreshMemory() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));

    poll("pve", T0.plusSeconds(200), node("pve1", "10.0.0.11", 21 * GIB));
    registry.checkStaleness(T0.plusSeconds(200));

    Resource merged = registry.get("pve:node-pve1").orElseThrow();
    assertEquals(21 * GIB, merged.metrics().memory().used());
    assertEquals(ResourceStatus.ONLINE, merged.status());
    assertEquals(SourceStatus.STALE, merged.sources().get(1).status());
  }

  @Test
  void unlinkingKeepsTheTwoApartEvenThoughTheEvidenceMatches() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));

    registry.setIdentityLinks(IdentityLinks.NONE.withSplit("agent-a:host", "pve:node-pve1"));
    poll("agent-a", T0.plusSeconds(30), agentHost("pve1", "10.0.0.11", 13 * GIB, 41));

    assertEquals(List.of("agent-a:host", "pve:node-pve1"), ids());
    assertEquals(20 * GIB, registry.get("pve:node-pve1").orElseThrow().metrics().memory().used());
  }

  @Test
  void linkingMergesAnAgentTheEvidenceCouldNotPlace() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("hypervisor-one", "192.168.7.7", 12 * GIB, 40));
    assertEquals(2, ids().size());

    registry.setIdentityLinks(IdentityLinks.NONE.withLink("agent-a:host", "pve:node-pve1"));

    assertEquals(List.of("pve:node-pve1"), ids());
    assertTrue(changes.get(changes.size() - 1).removed().contains("agent-a:host"));
  }

  @Test
  void anAgentPollThatChangesOnlyTheTimeEmitsNothing() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));
    int before = changes.size();

    poll("agent-a", T0.plusSeconds(30), agentHost("pve1", "10.0.0.11", 12 * GIB, 40));
    poll("pve", T0.plusSeconds(30), node("pve1", "10.0.0.11", 20 * GIB));

    assertEquals(before, changes.size());
    Resource merged = registry.get("pve:node-pve1").orElseThrow();
    assertEquals(T0.plusSeconds(30), merged.sources().get(1).lastSeen());
  }

  @Test
  void twoNodesWithTheAgentsHostnameAndAddressAreAmbiguousAndNothingMerges() {
    registry.registerSource("pve-b", "pve", Duration.ofSeconds(10), T0);
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("pve-b", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "10.0.0.11", 12 * GIB, 40));

    assertEquals(3, ids().size());
    assertFalse(registry.get("agent-a:host").orElseThrow().sources().size() > 1);
    assertNull(registry.get("agent-a:host").orElseThrow().parentId());
  }

  @Test
  void aLoneAgentWhoseAddressChangesToTheNodesIsThenMerged() {
    poll("pve", T0, node("pve1", "10.0.0.11", 20 * GIB));
    poll("agent-a", T0, agentHost("pve1", "192.168.99.9", 12 * GIB, 40));
    assertEquals(2, ids().size());

    poll("agent-a", T0.plusSeconds(30), agentHost("pve1", "10.0.0.11", 12 * GIB, 40));

    assertEquals(List.of("pve:node-pve1"), ids());
  }

  @Test
  void aLoneAgentsChangedFiguresAreStillStreamed() {
    poll("agent-a", T0, agentHost("standalone", "10.9.9.9", 12 * GIB, 40));
    int before = changes.size();

    poll("agent-a", T0.plusSeconds(30), agentHost("standalone", "10.9.9.10", 13 * GIB, 41));

    assertEquals(before + 1, changes.size());
    assertEquals(13 * GIB, changes.get(changes.size() - 1).upserts().get(0).metrics().memory().used());
  }

  private List<String> ids() {
    return registry.snapshot().resources().stream().map(Resource::id).sorted().toList();
  }
}
