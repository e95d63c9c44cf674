package dev.pulse.engine;

import dev.pulse.domain.identity.IdentityCandidate;
import dev.pulse.domain.identity.IdentityLinks;
import dev.pulse.domain.identity.IdentityMatcher;
import dev.pulse.domain.identity.MachineMerge;
import dev.pulse.domain.identity.MatchDecision;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources people see: each source's view, with the views of one machine folded into one.
 *
 * <p>An agent's view of a host is merged into the polled node, VM or LXC container it is, when the
 * {@link IdentityMatcher} is sure or the operator linked them; the polled view stays the primary,
 * so its id, and every parent reference to it, stays valid. Only merged machines are held here;
 * every other view is shown as the registry keeps it, so a poll that merges nothing costs no more
 * than a lookup or two. Matching reruns only when a view's identity changes. Not thread-safe: the
 * registry calls it under its lock.
 */
final class MergedResources {

  /** What the shown set gained and lost in one update. */
  record Delta(List<Resource> upserts, List<String> removed) {}

  private final IdentityMatcher matcher = new IdentityMatcher();
  private final Map<String, Resource> views;
  private final Map<String, String> primaryOf = new HashMap<>();
  private final Map<String, Set<String>> secondariesOf = new HashMap<>();
  private final Map<String, Resource> combined = new HashMap<>();
  private final Set<String> loneAgents = new LinkedHashSet<>();
  private IdentityLinks links = IdentityLinks.NONE;

  /** @param views the registry's per-source views by id, read here, written only by the registry */
  MergedResources(Map<String, Resource> views) {
    this.views = views;
  }

  /** Every shown resource, in the registry's order. */
  List<Resource> all() {
    List<Resource> out = new ArrayList<>(views.size());
    for (Resource view : views.values()) {
      if (!primaryOf.containsKey(view.id())) {
        out.add(combined.getOrDefault(view.id(), view));
      }
    }
    return out;
  }

  /** The resource shown under {@code id}; a merged agent's own id finds the machine it is part of. */
  Resource get(String id) {
    String primary = primaryOf.get(id);
    if (primary != null) {
      return combined.get(primary);
    }
    Resource merged = combined.get(id);
    return merged != null ? merged : views.get(id);
  }

  /**
   * Whether a change of this view's identity matters here, so that the registry compares
   * identities only then: for agents, for merged machines, and for every machine while an agent
   * stands alone, waiting for what it may be.
   */
  boolean watchesIdentity(Resource view) {
    return mayBeSecondary(view) || (!combined.isEmpty() && combined.containsKey(view.id()))
        || (!loneAgents.isEmpty() && isMachine(view));
  }

  IdentityLinks links() {
    return links;
  }

  /** Replaces the operator's overrides and re-decides every merge they may touch. */
  Delta setLinks(IdentityLinks next) {
    links = next;
    Work work = new Work();
    for (Resource view : new ArrayList<>(views.values())) {
      if (mayBeSecondary(view)) {
        rematch(view.id(), work);
      }
    }
    return finish(work);
  }

  /**
   * Folds the registry's latest views in.
   *
   * @param applied views the registry wrote, changed or not
   * @param changed bit i: applied[i] changed in more than when it was last seen
   * @param identityChanged bit i: applied[i] is new or its identity changed
   * @param removed ids of views the registry dropped
   */
  Delta update(List<Resource> applied, BitSet changed, BitSet identityChanged, Collection<String> removed) {
    Work work = new Work();
    for (String id : removed) {
      loneAgents.remove(id);
      String primary = primaryOf.remove(id);
      if (primary != null) { // a merged agent went away
        secondariesOf.getOrDefault(primary, Set.of()).remove(id);
        work.dirty(primary, true);
        continue;
      }
      Set<String> orphans = secondariesOf.remove(id);
      if (orphans != null) { // the machine went away: its agents stand alone again
        combined.remove(id);
        orphans.forEach(primaryOf::remove);
        work.rematch.addAll(orphans);
      }
      work.delta.removed().add(id);
    }
    boolean anyMerged = !combined.isEmpty();
    for (int i = 0; i < applied.size(); i++) {
      Resource view = applied.get(i);
      String id = view.id();
      boolean isChanged = changed.get(i);
      boolean newIdentity = identityChanged.get(i);
      if (mayBeSecondary(view)) {
        String primary = primaryOf.get(id);
        if (primary != null) {
          work.dirty(primary, isChanged);
        } else if (isChanged) {
          work.delta.upserts().add(view);
        }
        if (newIdentity) {
          work.rematch.add(id);
        }
        continue;
      }
      if (anyMerged && combined.containsKey(id)) {
        work.dirty(id, isChanged);
        if (newIdentity) {
          work.rematch.addAll(secondariesOf.getOrDefault(id, Set.of()));
        }
      } else if (isChanged) {
        work.delta.upserts().add(view);
      }
      if (newIdentity && !loneAgents.isEmpty() && isMachine(view)) {
        work.rematch.addAll(loneAgents); // a new or changed node or guest may be what a lone agent is
      }
    }
    for (String id : new ArrayList<>(work.rematch)) {
      if (views.containsKey(id)) {
        rematch(id, work);
      }
    }
    return finish(work);
  }

  /** The changes of one update, before they are settled into a delta. */
  private static final class Work {
    final Delta delta = new Delta(new ArrayList<>(), new ArrayList<>());
    final Set<String> rematch = new LinkedHashSet<>();
    final Map<String, Boolean> dirty = new LinkedHashMap<>();
    boolean reshaped;

    void dirty(String primary, boolean changed) {
      dirty.merge(primary, changed, Boolean::logicalOr);
    }
  }

  private void rematch(String id, Work work) {
    Resource view = views.get(id);
    String want = desiredPrimary(view);
    String had = primaryOf.get(id);
    if (want == null ? had == null && loneAgents.contains(id) : want.equals(had)) {
      return;
    }
    work.reshaped = true;
    if (had != null) { // leave the old machine
      secondariesOf.getOrDefault(had, Set.of()).remove(id);
      primaryOf.remove(id);
      work.dirty(had, true);
    }
    if (want == null) {
      loneAgents.add(id);
      work.delta.upserts().add(view);
      return;
    }
    loneAgents.remove(id);
    primaryOf.put(id, want);
    secondariesOf.computeIfAbsent(want, k -> new LinkedHashSet<>()).add(id);
    work.dirty(want, true);
    work.delta.removed().add(id); // it is shown as part of the machine from now on
  }

  private String desiredPrimary(Resource view) {
    String linked = links.links().get(view.id());
    if (linked != null) {
      String target = primaryOf.getOrDefault(linked, linked);
      return views.containsKey(target) && !target.equals(view.id()) ? target : null;
    }
    List<IdentityCandidate> candidates = new ArrayList<>();
    for (Resource v : views.values()) {
      if (isMachine(v) && !mayBeSecondary(v) && !links.isSplit(view.id(), v.id())) {
        candidates.add(new IdentityCandidate(v.id(), v.type(), v.identity()));
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    MatchDecision decision = matcher.match(new IdentityCandidate(view.id(), view.type(), view.identity()), candidates);
    return decision.autoMerge() ? decision.candidateId() : null;
  }

  private Delta finish(Work work) {
    for (Map.Entry<String, Boolean> entry : work.dirty.entrySet()) {
      String id = entry.getKey();
      Resource primary = views.get(id);
      if (primary == null) {
        continue;
      }
      List<Resource> parts = new ArrayList<>();
      for (String s : secondariesOf.getOrDefault(id, Set.of())) {
        Resource part = views.get(s);
        if (part != null) {
          parts.add(part);
        }
      }
      Resource before = combined.getOrDefault(id, primary);
      Resource next;
      if (parts.isEmpty()) {
        secondariesOf.remove(id);
        combined.remove(id);
        next = primary;
      } else {
        next = MachineMerge.combine(primary, parts);
        combined.put(id, next);
      }
      if (entry.getValue() || !ObservationMapping.sameIgnoringLastSeen(before, next)) {
        work.delta.upserts().add(next);
        work.reshaped = true;
      }
    }
    return work.reshaped || !work.delta.removed().isEmpty() ? settle(work.delta) : work.delta;
  }

  /** The delta reduced to the final state: each id once, upserted if shown now, else removed. */
  private Delta settle(Delta delta) {
    Map<String, Resource> upserts = new LinkedHashMap<>();
    for (Resource r : delta.upserts()) {
      if (!primaryOf.containsKey(r.id()) && views.containsKey(r.id())) {
        upserts.put(r.id(), get(r.id()));
      }
    }
    List<String> removed = delta.removed().stream().distinct()
        .filter(id -> primaryOf.containsKey(id) || !views.containsKey(id)).toList();
    return new Delta(new ArrayList<>(upserts.values()), removed);
  }

  /** Agents' views of a host are the ones folded into a polled machine. */
  private static boolean mayBeSecondary(Resource view) {
    return view.type() == ResourceType.AGENT && view.facets().agent() != null;
  }

  private static boolean isMachine(Resource view) {
    return view.type() == ResourceType.AGENT || view.type() == ResourceType.VM || view.type() == ResourceType.SYSTEM_CONTAINER;
  }
}
