package dev.pulse.engine;

import dev.pulse.domain.identity.IdentityCandidate;
import dev.pulse.domain.identity.IdentityLinks;
import dev.pulse.domain.identity.IdentityMatcher;
import dev.pulse.domain.identity.MachineMerge;
import dev.pulse.domain.identity.MatchDecision;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import java.util.ArrayList;
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
 * so its id, and every parent reference to it, stays valid. Matching reruns only when a view's
 * identity changes, not on every poll. Not thread-safe: the registry calls it under its lock.
 */
final class MergedResources {

  /** What the presented set gained and lost in one update. */
  record Delta(List<Resource> upserts, List<String> removed) {}

  private final IdentityMatcher matcher = new IdentityMatcher();
  private final Map<String, Resource> views;
  private final Map<String, Resource> presented = new LinkedHashMap<>();
  private final Map<String, String> primaryOf = new HashMap<>();
  private final Map<String, Set<String>> secondariesOf = new HashMap<>();
  private final Map<String, Identity> matchedIdentity = new HashMap<>();
  private IdentityLinks links = IdentityLinks.NONE;

  /** @param views the registry's per-source views by id, read here, written only by the registry */
  MergedResources(Map<String, Resource> views) {
    this.views = views;
  }

  Collection<Resource> all() {
    return presented.values();
  }

  Resource get(String id) {
    Resource r = presented.get(id);
    return r != null ? r : presented.get(primaryOf.getOrDefault(id, id));
  }

  /** The primary id a view is shown under: its own, or the one it was merged into. */
  String presentedId(String viewId) {
    return primaryOf.getOrDefault(viewId, viewId);
  }

  IdentityLinks links() {
    return links;
  }

  /** Replaces the operator's overrides and re-decides every merge they touch. */
  Delta setLinks(IdentityLinks next) {
    links = next;
    Delta delta = new Delta(new ArrayList<>(), new ArrayList<>());
    Set<String> dirty = new LinkedHashSet<>();
    for (String id : new ArrayList<>(views.keySet())) {
      if (mayBeSecondary(views.get(id))) {
        rematch(id, dirty, delta);
      }
    }
    refresh(dirty, Set.copyOf(dirty), delta);
    return delta;
  }

  /**
   * Folds the registry's latest views in.
   *
   * @param applied views the registry wrote, changed or not
   * @param changed ids among them that changed in more than when they were last seen
   * @param removed ids of views the registry dropped
   */
  Delta update(Collection<Resource> applied, Set<String> changed, Collection<String> removed) {
    Delta delta = new Delta(new ArrayList<>(), new ArrayList<>());
    Set<String> dirty = new LinkedHashSet<>();
    Set<String> dirtyChanged = new LinkedHashSet<>();
    Set<String> rematch = new LinkedHashSet<>();
    boolean newCandidate = false;
    for (String id : removed) {
      matchedIdentity.remove(id);
      String primary = primaryOf.remove(id);
      if (primary != null) { // a merged agent went away
        secondariesOf.getOrDefault(primary, Set.of()).remove(id);
        dirty.add(primary);
        dirtyChanged.add(primary);
        continue;
      }
      Set<String> orphans = secondariesOf.remove(id);
      if (orphans != null) { // the primary went away: its agents stand alone again
        orphans.forEach(primaryOf::remove);
        rematch.addAll(orphans);
      }
      if (presented.remove(id) != null) {
        delta.removed().add(id);
      }
    }
    for (Resource view : applied) {
      String id = view.id();
      boolean identityChanged = isMachine(view) && !view.identity().equals(matchedIdentity.get(id));
      if (identityChanged) {
        matchedIdentity.put(id, view.identity());
        if (mayBeSecondary(view)) {
          rematch.add(id);
        } else {
          newCandidate = true;
          rematch.addAll(secondariesOf.getOrDefault(id, Set.of()));
        }
      }
      String primary = primaryOf.getOrDefault(id, id);
      if (!primary.equals(id) || secondariesOf.containsKey(id)) {
        dirty.add(primary);
        if (changed.contains(id)) {
          dirtyChanged.add(primary);
        }
      } else if (!rematch.contains(id)) {
        Resource before = presented.put(id, view);
        if (before == null || changed.contains(id)) {
          delta.upserts().add(view);
        }
      }
    }
    if (newCandidate) { // a new or changed node or guest may be what a lone agent is
      views.values().stream().filter(v -> mayBeSecondary(v) && !primaryOf.containsKey(v.id())).forEach(v -> rematch.add(v.id()));
    }
    for (String id : rematch) {
      if (views.containsKey(id)) {
        rematch(id, dirty, delta);
        dirtyChanged.add(presentedId(id));
      }
    }
    refresh(dirty, dirtyChanged, delta);
    return delta;
  }

  /** The delta reduced to the final state: each id once, upserted if shown now, else removed. */
  Delta settle(Delta delta) {
    if (delta.upserts().size() + delta.removed().size() <= 1) {
      return delta;
    }
    Map<String, Resource> upserts = new LinkedHashMap<>();
    for (Resource r : delta.upserts()) {
      Resource now = presented.get(r.id());
      if (now != null) {
        upserts.put(r.id(), now);
      }
    }
    List<String> removed = delta.removed().stream().distinct().filter(id -> !presented.containsKey(id)).toList();
    return new Delta(new ArrayList<>(upserts.values()), removed);
  }

  private void rematch(String id, Set<String> dirty, Delta delta) {
    String want = desiredPrimary(views.get(id));
    String had = primaryOf.get(id);
    if (want == null ? had == null && presented.containsKey(id) : want.equals(had)) {
      return;
    }
    if (had != null) { // leave the old machine
      secondariesOf.getOrDefault(had, Set.of()).remove(id);
      primaryOf.remove(id);
      dirty.add(had);
    }
    if (want == null) {
      presented.put(id, views.get(id));
      delta.upserts().add(views.get(id));
      return;
    }
    primaryOf.put(id, want);
    secondariesOf.computeIfAbsent(want, k -> new LinkedHashSet<>()).add(id);
    dirty.add(want);
    if (presented.remove(id) != null) {
      delta.removed().add(id);
    }
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

  private void refresh(Set<String> dirty, Set<String> changed, Delta delta) {
    for (String id : dirty) {
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
      if (parts.isEmpty()) {
        secondariesOf.remove(id);
      }
      Resource next = MachineMerge.combine(primary, parts);
      Resource before = presented.put(id, next);
      if (before == null || changed.contains(id) || !ObservationMapping.sameIgnoringLastSeen(before, next)) {
        delta.upserts().add(next);
      }
    }
  }

  /** Agents' views of a host are the ones folded into a polled machine. */
  private static boolean mayBeSecondary(Resource view) {
    return view.type() == ResourceType.AGENT && view.facets().agent() != null;
  }

  private static boolean isMachine(Resource view) {
    return view.type() == ResourceType.AGENT || view.type() == ResourceType.VM || view.type() == ResourceType.SYSTEM_CONTAINER;
  }
}
