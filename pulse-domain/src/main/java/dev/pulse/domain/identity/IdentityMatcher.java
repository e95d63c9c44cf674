package dev.pulse.domain.identity;

import dev.pulse.domain.resource.ResourceType;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a newly observed resource is a machine the registry already knows. Pure and
 * thread-safe.
 *
 * <p>Evidence, strongest first: machine-id &gt; DMI UUID &gt; hostname+MAC &gt; hostname+IP &gt;
 * hostname &gt; IP. Conflicting strong evidence vetoes weaker evidence: two machines with one
 * hostname but different machine-ids are two machines, and clones that share a machine-id but
 * differ in DMI UUID or MAC are never merged blindly.
 *
 * <p>A match is merged automatically only when it is the single best candidate, its confidence is
 * high, or medium (hostname plus a shared informative IP, the most an API such as Proxmox's tells
 * about a node), and the two types can be one machine: the same type, or an agent host and the VM
 * or LXC container it runs in.
 */
public final class IdentityMatcher {

  public MatchDecision match(IdentityCandidate observed, List<IdentityCandidate> candidates) {
    IdentityEvidence mine = IdentityEvidence.of(observed.identity());
    MatchDecision best = MatchDecision.none("no candidate shares identifying evidence");
    boolean tie = false;
    for (IdentityCandidate candidate : candidates) {
      if (candidate.id().equals(observed.id())) {
        continue;
      }
      MatchDecision decision = compare(mine, candidate, IdentityEvidence.of(candidate.identity()));
      int order = decision.confidence().compareTo(best.confidence());
      if (order > 0) {
        best = decision;
        tie = false;
      } else if (order == 0 && decision.confidence() != MatchConfidence.NONE) {
        tie = true;
      }
    }
    if (best.confidence() == MatchConfidence.NONE) {
      return best;
    }
    MatchDecision chosen = best;
    boolean compatible = candidates.stream()
        .anyMatch(c -> c.id().equals(chosen.candidateId()) && sameMachineKind(c.type(), observed.type()));
    boolean confident = chosen.confidence() == MatchConfidence.HIGH || chosen.confidence() == MatchConfidence.MEDIUM;
    boolean autoMerge = confident && compatible && !tie;
    String reason = tie ? chosen.reason() + "; another candidate matches as well" : chosen.reason();
    if (!compatible) {
      reason = reason + "; types cannot be one machine";
    }
    return new MatchDecision(chosen.candidateId(), chosen.confidence(), chosen.evidence(), autoMerge, reason);
  }

  private static MatchDecision compare(IdentityEvidence a, IdentityCandidate candidate, IdentityEvidence b) {
    String id = candidate.id();
    boolean machineIdSame = a.machineId() != null && a.machineId().equals(b.machineId());
    boolean machineIdConflict = a.machineId() != null && b.machineId() != null && !machineIdSame;
    boolean dmiSame = a.dmiUuid() != null && a.dmiUuid().equals(b.dmiUuid());
    boolean dmiConflict = a.dmiUuid() != null && b.dmiUuid() != null && !dmiSame;
    boolean macShared = !Collections.disjoint(a.macs(), b.macs());
    boolean macConflict = !a.macs().isEmpty() && !b.macs().isEmpty() && !macShared;

    if (machineIdSame) {
      if (dmiConflict || macConflict) {
        return new MatchDecision(id, MatchConfidence.LOW, "machine-id", false,
            "machine-id is shared but " + (dmiConflict ? "DMI UUID" : "MAC addresses")
                + " differ: likely a cloned machine");
      }
      return new MatchDecision(id, MatchConfidence.HIGH, "machine-id", true, "same machine-id");
    }
    if (dmiSame && !machineIdConflict) {
      return new MatchDecision(id, MatchConfidence.HIGH, "dmi-uuid", true, "same DMI UUID");
    }
    if (machineIdConflict || dmiConflict) {
      return MatchDecision.none("machine-id or DMI UUID differ");
    }
    boolean hostSame = sharesHost(a.hostnames(), b.hostnames());
    boolean ipShared = !Collections.disjoint(a.ips(), b.ips());
    if (hostSame && macShared) {
      return new MatchDecision(id, MatchConfidence.HIGH, "hostname+mac", true, "same hostname and MAC");
    }
    if (hostSame && macConflict) {
      return new MatchDecision(id, MatchConfidence.LOW, "hostname", false, "same hostname but MAC addresses differ");
    }
    if (hostSame && ipShared) {
      return new MatchDecision(id, MatchConfidence.MEDIUM, "hostname+ip", false, "same hostname and IP");
    }
    if (hostSame) {
      return new MatchDecision(id, MatchConfidence.LOW, "hostname", false, "same hostname only");
    }
    if (ipShared) {
      return new MatchDecision(id, MatchConfidence.LOW, "ip", false, "same IP only");
    }
    return MatchDecision.none("no shared evidence");
  }

  /** Whether resources of these types can be one machine seen twice. */
  static boolean sameMachineKind(ResourceType a, ResourceType b) {
    if (a == b) {
      return true;
    }
    ResourceType other = a == ResourceType.AGENT ? b : b == ResourceType.AGENT ? a : null;
    return other == ResourceType.VM || other == ResourceType.SYSTEM_CONTAINER;
  }

  private static boolean sharesHost(Set<String> a, Set<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (IdentityEvidence.sameHost(x, y)) {
          return true;
        }
      }
    }
    return false;
  }
}
