package dev.pulse.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {

  private final IdentityMatcher matcher = new IdentityMatcher();

  private static IdentityCandidate agent(String id, Identity identity) {
    return new IdentityCandidate(id, ResourceType.AGENT, identity);
  }

  private static Identity host(String hostname, List<String> ips, List<String> macs) {
    return new Identity(null, null, List.of(hostname), ips, macs);
  }

  @Test
  void hostnamesThatDifferOnlyInCaseAndDomainSuffixMatchWithTheirMac() {
    var observed = agent("new", host("PVE1", List.of(), List.of("BC:24:11:AA:BB:CC")));
    var known = agent("known", host("pve1.lan.example.", List.of(), List.of("bc-24-11-aa-bb-cc")));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals("known", decision.candidateId());
    assertEquals(MatchConfidence.HIGH, decision.confidence());
    assertEquals("hostname+mac", decision.evidence());
    assertTrue(decision.autoMerge());
  }

  @Test
  void fullyQualifiedHostnamesInDifferentDomainsAreDifferentHosts() {
    var observed = agent("new", host("web.site-a.example", List.of(), List.of()));
    var known = agent("known", host("web.site-b.example", List.of(), List.of()));

    assertNull(matcher.match(observed, List.of(known)).candidateId());
  }

  @Test
  void loopbackLinkLocalAndDockerBridgeAddressesAreNotEvidence() {
    List<String> noise = List.of("127.0.0.1", "::1", "169.254.10.1", "fe80::1%eth0", "172.17.0.1/16");
    var observed = agent("new", new Identity(null, null, List.of("alpha"), noise, List.of()));
    var known = agent("known", new Identity(null, null, List.of("beta"), noise, List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals(MatchConfidence.NONE, decision.confidence());
  }

  @Test
  void aSharedLanAddressIsWeakEvidenceThatNeverAutoMerges() {
    var observed = agent("new", new Identity(null, null, List.of(), List.of("10.0.0.11"), List.of()));
    var known = agent("known", new Identity(null, null, List.of(), List.of("10.0.0.11/24"), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals(MatchConfidence.LOW, decision.confidence());
    assertFalse(decision.autoMerge());
  }

  @Test
  void hostnameAndASharedLanIpMergeAtMediumConfidenceWhenTheyAreTheOnlyCandidate() {
    var observed = agent("new", host("nas", List.of("192.168.1.5"), List.of()));
    var known = agent("known", host("NAS.local", List.of("192.168.1.5"), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals(MatchConfidence.MEDIUM, decision.confidence());
    assertTrue(decision.autoMerge());
  }

  @Test
  void twoSitesWithTheSameHostnameAndPrivateIpAreAmbiguousAndNotMerged() {
    var observed = agent("new", host("pve", List.of("192.168.1.2"), List.of()));
    var siteA = agent("site-a", host("pve", List.of("192.168.1.2"), List.of()));
    var siteB = agent("site-b", host("pve", List.of("192.168.1.2"), List.of()));

    assertFalse(matcher.match(observed, List.of(siteA, siteB)).autoMerge());
  }

  @Test
  void anAgentHostMergesWithTheGuestItRunsIn() {
    var observed = agent("agent", host("web01", List.of("10.0.0.21"), List.of("bc:24:11:00:00:21")));
    var vm = new IdentityCandidate("vm", ResourceType.VM, host("web01", List.of("10.0.0.21"), List.of()));
    var ct = new IdentityCandidate("ct", ResourceType.SYSTEM_CONTAINER, host("db01", List.of("10.0.0.22"), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(vm, ct));

    assertEquals("vm", decision.candidateId());
    assertTrue(decision.autoMerge());
  }

  @Test
  void anAgentInsideAnLxcThatSeesItsHostsDmiUuidIsNotTheHost() {
    String hostDmi = "4c4c4544-0042-3510-8052-b4c04f4e3232";
    var lxcAgent = agent("lxc", new Identity("ct-machine-id", hostDmi, List.of("db01"), List.of("10.0.0.22"), List.of()));
    var hostAgent = agent("host", new Identity("host-machine-id", hostDmi, List.of("pve1"), List.of("10.0.0.11"), List.of()));

    MatchDecision decision = matcher.match(lxcAgent, List.of(hostAgent));

    assertEquals(MatchConfidence.NONE, decision.confidence());
    assertFalse(decision.autoMerge());
  }

  @Test
  void hostsWhoseOnlySharedAddressIsTheDockerBridgeDoNotMerge() {
    var observed = agent("new", host("app1", List.of("172.17.0.1", "10.0.0.31"), List.of()));
    var known = agent("known", host("app2", List.of("172.17.0.1/16", "10.0.0.32"), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals(MatchConfidence.NONE, decision.confidence());
    assertFalse(decision.autoMerge());
  }

  @Test
  void clonedVmsSharingMachineIdButNotDmiUuidAreNotMerged() {
    var observed = agent("clone", new Identity("abc123", "4c4c4544-0001", List.of("web01"), List.of(), List.of("bc:24:11:00:00:02")));
    var known = agent("original", new Identity("abc123", "4c4c4544-0002", List.of("web01"), List.of(), List.of("bc:24:11:00:00:01")));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertFalse(decision.autoMerge());
    assertEquals(MatchConfidence.LOW, decision.confidence());
    assertTrue(decision.reason().contains("clone"), decision.reason());
  }

  @Test
  void clonesThatDifferOnlyInMacAreNotMerged() {
    var observed = agent("clone", new Identity("abc123", null, List.of(), List.of(), List.of("bc:24:11:00:00:02")));
    var known = agent("original", new Identity("abc123", null, List.of(), List.of(), List.of("bc:24:11:00:00:01")));

    assertFalse(matcher.match(observed, List.of(known)).autoMerge());
  }

  @Test
  void sameMachineIdWithoutConflictMergesAutomatically() {
    var observed = agent("agent", new Identity("abc123", null, List.of("pve1"), List.of(), List.of()));
    var known = agent("node", new Identity("abc123", null, List.of("pve1.lan"), List.of(), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertTrue(decision.autoMerge());
    assertEquals("machine-id", decision.evidence());
  }

  @Test
  void differentMachineIdsVetoASharedHostname() {
    var observed = agent("new", new Identity("aaa", null, List.of("server"), List.of(), List.of()));
    var known = agent("known", new Identity("bbb", null, List.of("server"), List.of(), List.of()));

    assertEquals(MatchConfidence.NONE, matcher.match(observed, List.of(known)).confidence());
  }

  @Test
  void placeholderDmiUuidsFromFirmwareAreIgnored() {
    String placeholder = "03000200-0400-0500-0006-000700080009";
    var observed = agent("new", new Identity(null, placeholder, List.of("a"), List.of(), List.of()));
    var known = agent("known", new Identity(null, placeholder, List.of("b"), List.of(), List.of()));

    assertEquals(MatchConfidence.NONE, matcher.match(observed, List.of(known)).confidence());
  }

  @Test
  void aHighMatchBetweenTypesThatCannotBeOneMachineIsReportedButNotMerged() {
    var observed = new IdentityCandidate("store", ResourceType.STORAGE, new Identity("abc", null, List.of(), List.of(), List.of()));
    var known = agent("host", new Identity("abc", null, List.of(), List.of(), List.of()));

    MatchDecision decision = matcher.match(observed, List.of(known));

    assertEquals(MatchConfidence.HIGH, decision.confidence());
    assertFalse(decision.autoMerge());
  }

  @Test
  void twoEquallyGoodCandidatesAreAmbiguousAndNotMerged() {
    var observed = agent("new", new Identity("abc", null, List.of(), List.of(), List.of()));
    var first = agent("first", new Identity("abc", null, List.of(), List.of(), List.of()));
    var second = agent("second", new Identity("abc", null, List.of(), List.of(), List.of()));

    assertFalse(matcher.match(observed, List.of(first, second)).autoMerge());
  }

  @Test
  void dockerDefaultMacPrefixIsNotEvidence() {
    var observed = agent("new", host("app", List.of(), List.of("02:42:ac:11:00:02")));
    var known = agent("known", host("app", List.of(), List.of("02:42:ac:11:00:02")));

    assertEquals(MatchConfidence.LOW, matcher.match(observed, List.of(known)).confidence());
  }
}
