package dev.pulse.engine;

import dev.pulse.domain.identity.IdentityLinks;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The current state of every resource, with a version that grows on each change.
 *
 * <p>Applies observations, tracks each source's freshness and emits every change as a {@link
 * StateChange} to its listeners, in version order. A source not heard from for max(2 × interval,
 * 60 s) turns stale (its resources' status becomes unknown); after max(10 × interval, 5 min) it is
 * offline (status offline, metrics unknown).
 *
 * <p>Thread-safe: all mutation happens under one lock, and listeners are called under it, so they
 * must be quick and must not call back into the registry's mutators.
 */
public final class ResourceRegistry {

  private static final Duration MIN_STALE = Duration.ofSeconds(60);
  private static final Duration MIN_OFFLINE = Duration.ofMinutes(5);

  private final Object lock = new Object();
  /** Each source's own view of each resource, by id. */
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  /** What is shown: the views, with one machine's views from several sources folded into one. */
  private final MergedResources merged = new MergedResources(resources);
  private final Map<String, SourceState> sources = new HashMap<>();
  private final List<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();
  private long version;

  /**
   * Starts tracking a polled source's freshness from {@code now}: stale after max(2 × interval, 60 s),
   * offline after max(10 × interval, 5 min).
   */
  public void registerSource(String sourceId, String platform, Duration interval, Instant now) {
    registerSource(sourceId, platform, max(interval.multipliedBy(2), MIN_STALE), max(interval.multipliedBy(10), MIN_OFFLINE), now);
  }

  /** Starts tracking a source with explicit staleness limits, for sources that push (agents). */
  public void registerSource(String sourceId, String platform, Duration staleAfter, Duration offlineAfter, Instant now) {
    synchronized (lock) {
      SourceState known = sources.get(sourceId);
      SourceState next = new SourceState(platform, staleAfter, offlineAfter, now);
      if (known != null) { // re-registering keeps what the source already reported
        next.ids = known.ids;
        next.lastSuccess = known.lastSuccess;
        next.lastError = known.lastError;
        next.status = known.status;
        next.idsByKey.putAll(known.idsByKey);
      }
      sources.put(sourceId, next);
    }
  }

  /** Whether the registry tracks the source. */
  public boolean hasSource(String sourceId) {
    synchronized (lock) {
      return sources.containsKey(sourceId);
    }
  }

  /** Forgets a source and removes every resource it reported. */
  public void removeSource(String sourceId) {
    synchronized (lock) {
      SourceState state = sources.remove(sourceId);
      if (state != null) {
        publish(merged.update(List.of(), new BitSet(), new BitSet(), removeAll(state.ids)));
      }
    }
  }

  public void addListener(Consumer<StateChange> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<StateChange> listener) {
    listeners.remove(listener);
  }

  /** Applies one observation and emits what changed. */
  public void apply(Observation observation) {
    synchronized (lock) {
      SourceState state = sources.computeIfAbsent(
          observation.sourceId(), id -> new SourceState(observation.platform(), MIN_STALE, MIN_OFFLINE, observation.collectedAt()));
      if (observation.result().succeeded()) {
        applySuccess(observation, state);
      } else {
        state.lastError = observation.result().error();
        state.status = SourceStatus.ERROR;
        publishChanged(markSource(observation.sourceId(), state, SourceStatus.ERROR, state.lastError, false));
      }
    }
  }

  /** Marks sources stale or offline once they have been silent too long. */
  public void checkStaleness(Instant now) {
    synchronized (lock) {
      List<Resource> upserts = new ArrayList<>();
      for (Map.Entry<String, SourceState> entry : sources.entrySet()) {
        SourceState state = entry.getValue();
        Instant heard = state.lastSuccess != null ? state.lastSuccess : state.registeredAt;
        Duration silence = Duration.between(heard, now);
        Duration staleAfter = state.staleAfter;
        Duration offlineAfter = state.offlineAfter;
        SourceStatus next = silence.compareTo(offlineAfter) >= 0 ? SourceStatus.OFFLINE
            : silence.compareTo(staleAfter) >= 0 ? SourceStatus.STALE : null;
        if (next != null && next != state.status) {
          state.status = next;
          String why = "no successful collection for " + silence.toSeconds() + " s"
              + (state.lastError != null ? ": " + state.lastError : "");
          upserts.addAll(markSource(entry.getKey(), state, next, why, true));
        }
      }
      publishChanged(upserts);
    }
  }

  /** The resource shown under {@code id}; the id of a view merged into another finds the merged one. */
  public Optional<Resource> get(String id) {
    synchronized (lock) {
      return Optional.ofNullable(merged.get(id));
    }
  }

  /** The source's own view of a resource, before merging, or empty. */
  public Optional<Resource> view(String id) {
    synchronized (lock) {
      return Optional.ofNullable(resources.get(id));
    }
  }

  /** The operator's identity overrides in force. */
  public IdentityLinks identityLinks() {
    synchronized (lock) {
      return merged.links();
    }
  }

  /** Replaces the operator's identity overrides and re-merges what they touch. */
  public void setIdentityLinks(IdentityLinks links) {
    synchronized (lock) {
      publish(merged.setLinks(links));
    }
  }

  public StateSnapshot snapshot() {
    synchronized (lock) {
      return new StateSnapshot(new ArrayList<>(merged.all()), version);
    }
  }

  public ResourcePage query(ResourceQuery query) {
    List<Resource> all;
    long at;
    synchronized (lock) {
      all = new ArrayList<>(merged.all());
      at = version;
    }
    List<Resource> matching = all.stream()
        .filter(query::matches)
        .sorted(Comparator.comparing(Resource::type)
            .thenComparing(Resource::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Resource::id))
        .collect(Collectors.toList());
    int from = Math.min(query.offset(), matching.size());
    int to = query.limit() == null ? matching.size() : (int) Math.min((long) from + query.limit(), matching.size());
    return new ResourcePage(matching.subList(from, to), matching.size(), at);
  }

  public List<SourceHealth> sourceHealth() {
    synchronized (lock) {
      return sources.entrySet().stream()
          .map(e -> new SourceHealth(e.getKey(), e.getValue().platform, e.getValue().status,
              e.getValue().lastSuccess, e.getValue().status == SourceStatus.HEALTHY ? null : e.getValue().lastError,
              e.getValue().ids.size(), e.getValue().warnings))
          .sorted(Comparator.comparing(SourceHealth::sourceId))
          .collect(Collectors.toList());
    }
  }

  public long version() {
    synchronized (lock) {
      return version;
    }
  }

  private void applySuccess(Observation observation, SourceState state) {
    String sourceId = observation.sourceId();
    List<ObservedResource> observed = observation.result().resources();
    Set<String> seen = new HashSet<>(observed.size() * 2);
    List<Resource> applied = new ArrayList<>(observed.size());
    BitSet changed = new BitSet(observed.size());
    BitSet identityChanged = new BitSet(observed.size());
    int known = 0;
    for (ObservedResource o : observed) {
      Resource next = ObservationMapping.toResource(sourceId, o, observation.collectedAt(), state.idsByKey);
      if (!seen.add(next.id())) {
        continue; // a source that reports one key twice: the first wins
      }
      Resource previous = resources.put(next.id(), next);
      int at = applied.size();
      applied.add(next);
      if (previous != null && state.ids.contains(next.id())) {
        known++;
      }
      if (previous == null || !ObservationMapping.sameIgnoringLastSeen(previous, next)) {
        changed.set(at);
        if (previous == null || (merged.watchesIdentity(next) && !previous.identity().equals(next.identity()))) {
          identityChanged.set(at);
        }
      }
    }
    Set<String> gone = new LinkedHashSet<>();
    if (known < state.ids.size()) { // some earlier resources were not seen this time
      for (String id : state.ids) {
        if (!seen.contains(id)) {
          gone.add(id);
        }
      }
    }
    state.ids = seen;
    if (state.idsByKey.size() > 2 * seen.size() + 64) { // forget the ids of keys long gone
      state.idsByKey.values().retainAll(seen);
    }
    state.lastSuccess = observation.collectedAt();
    state.lastError = null;
    state.warnings = observation.result().warnings();
    state.status = SourceStatus.HEALTHY;
    publish(merged.update(applied, changed, identityChanged, removeAll(gone)));
  }

  private List<Resource> markSource(
      String sourceId, SourceState state, SourceStatus status, String error, boolean degrade) {
    List<Resource> changed = new ArrayList<>();
    for (String id : state.ids) {
      Resource r = resources.get(id);
      if (r == null) {
        continue;
      }
      List<SourceRef> refs = r.sources().stream()
          .map(s -> s.sourceId().equals(sourceId) ? new SourceRef(s.sourceId(), s.sourceKey(), status, s.lastSeen(), error) : s)
          .collect(Collectors.toList());
      Resource next = r.withSources(refs);
      if (degrade && status == SourceStatus.STALE) {
        next = next.withStatus(ResourceStatus.UNKNOWN);
      } else if (degrade && status == SourceStatus.OFFLINE) {
        next = next.withStatus(ResourceStatus.OFFLINE).withMetrics(Metrics.UNKNOWN);
      }
      if (!next.equals(r)) {
        resources.put(id, next);
        changed.add(next);
      }
    }
    return changed;
  }

  private List<String> removeAll(Set<String> ids) {
    List<String> removed = new ArrayList<>();
    for (String id : ids) {
      if (resources.remove(id) != null) {
        removed.add(id);
      }
    }
    return removed;
  }

  private void publishChanged(List<Resource> changedViews) {
    BitSet all = new BitSet(changedViews.size());
    all.set(0, changedViews.size());
    publish(merged.update(changedViews, all, new BitSet(), List.of()));
  }

  private void publish(MergedResources.Delta delta) {
    if (delta.upserts().isEmpty() && delta.removed().isEmpty()) {
      return;
    }
    version++;
    StateChange change = new StateChange(delta.upserts(), delta.removed(), version);
    for (Consumer<StateChange> listener : listeners) {
      listener.accept(change);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static final class SourceState {
    final String platform;
    final Duration staleAfter;
    final Duration offlineAfter;
    final Instant registeredAt;
    Instant lastSuccess;
    String lastError;
    List<String> warnings = List.of();
    SourceStatus status = SourceStatus.HEALTHY;
    Set<String> ids = new LinkedHashSet<>();
    final Map<String, String> idsByKey = new HashMap<>();

    SourceState(String platform, Duration staleAfter, Duration offlineAfter, Instant registeredAt) {
      this.platform = platform;
      this.staleAfter = staleAfter;
      this.offlineAfter = offlineAfter;
      this.registeredAt = registeredAt;
    }
  }
}
