package dev.pulse.adapters.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.KubernetesFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import dev.pulse.simulators.agent.ReportSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesReportDecoderTest {

  private static final String FULL = ReportSamples.kubernetes();
  private final KubernetesReportDecoder decoder = new KubernetesReportDecoder();

  private AgentReport decode(String json) {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ObservedResource byKey(AgentReport r, String key) {
    return r.resources().stream().filter(o -> o.sourceKey().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void theDocumentedSchemaWithSectionsPulseDoesNotShowIsAccepted() {
    AgentReport r = decode(FULL);

    assertEquals("k8s-agent-1", r.agentId());
    assertEquals(List.of("cluster", "node-k8s-cp1", "node-k8s-w2", "pod-shop.web-7d9c8b-abcde", "pod-shop.api-5f6d4c-xk2lq",
        "pod-jobs.batch-2x9kd", "deploy-shop.web", "deploy-shop.paused-feature"),
        r.resources().stream().map(ObservedResource::sourceKey).toList());
    KubernetesFacet.Cluster cluster = byKey(r, "cluster").facets().kubernetes().cluster();
    assertEquals(2, cluster.nodes());
    assertEquals(1, cluster.readyNodes());
    assertEquals(ResourceStatus.WARNING, byKey(r, "cluster").status(), "one node of two is not ready");
  }

  @Test
  void nodesAndPodsGetTheirStatusAndUsageAgainstCapacity() {
    AgentReport r = decode(FULL);

    ObservedResource cp1 = byKey(r, "node-k8s-cp1");
    assertEquals(25.0, cp1.metrics().cpu().percent(), 1e-9, "2000m of 8 cores");
    assertEquals(ResourceStatus.OFFLINE, byKey(r, "node-k8s-w2").status(), "NotReady");
    assertNull(byKey(r, "node-k8s-w2").metrics().cpu(), "no usage reported: unknown");
    ObservedResource web = byKey(r, "pod-shop.web-7d9c8b-abcde");
    assertEquals(5.0, web.metrics().cpu().percent(), 1e-9, "400m of its node's 8 cores");
    assertEquals("node-k8s-cp1", web.parentKey());
    assertEquals("shop/web-7d9c8b-abcde", web.name());
    ObservedResource api = byKey(r, "pod-shop.api-5f6d4c-xk2lq");
    assertEquals(ResourceStatus.WARNING, api.status());
    assertEquals("CrashLoopBackOff", api.facets().kubernetes().pod().reason(), "from the waiting container");
    assertEquals(14, api.facets().kubernetes().pod().restarts());
    assertEquals(ResourceStatus.OFFLINE, byKey(r, "pod-jobs.batch-2x9kd").status());
    assertEquals("Evicted", byKey(r, "pod-jobs.batch-2x9kd").facets().kubernetes().pod().reason());
  }

  @Test
  void deploymentCountsLeftOutAreZeroAndAShortfallWarns() {
    AgentReport r = decode(FULL);

    assertEquals(ResourceStatus.WARNING, byKey(r, "deploy-shop.web").status());
    assertEquals(1, byKey(r, "deploy-shop.web").facets().kubernetes().deployment().unavailableReplicas());
    KubernetesFacet.Deployment paused = byKey(r, "deploy-shop.paused-feature").facets().kubernetes().deployment();
    assertEquals(0, paused.desiredReplicas());
    assertEquals(ResourceStatus.ONLINE, byKey(r, "deploy-shop.paused-feature").status(), "scaled to zero is fine");
  }

  @Test
  void wrongTypesAndMissingNamesAreRefusedNamingTheField() {
    InvalidReportException ready = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("\"ready\": true", "\"ready\": \"yes\"")));
    InvalidReportException name = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("\"name\": \"batch-2x9kd\", ", "")));
    InvalidReportException cluster = assertThrows(InvalidReportException.class,
        () -> decode(FULL.replace("\"id\": \"c-1f2e\", ", "")));

    assertEquals("nodes[0].ready", ready.field());
    assertEquals("pods[2].name", name.field());
    assertEquals("cluster.id", cluster.field());
  }

  @Test
  void namesWithAnyCharactersGetSafeKeysAndPodsStillFindTheirNode() {
    String odd = "k8s cp1/é%s";
    AgentReport r = decode(FULL.replace("k8s-cp1", odd).replace("\"namespace\": \"shop\"", "\"namespace\": \"shop floor\""));

    ObservedResource node = r.resources().stream().filter(o -> o.type() == ResourceType.K8S_NODE && o.name().equals(odd))
        .findFirst().orElseThrow();
    assertTrue(SourceKeys.isSafe(node.sourceKey()), node.sourceKey());
    List<ObservedResource> pods = r.resources().stream().filter(o -> o.type() == ResourceType.POD).toList();
    assertTrue(pods.stream().anyMatch(p -> p.parentKey().equals(node.sourceKey())), "a pod on the node keeps it as parent");
    assertTrue(pods.stream().anyMatch(p -> p.name().startsWith("shop floor/")), "the name is kept as the platform says it");
  }
}
