package dev.pulse.adapters.proxmox.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of one cluster and their health. Healthy endpoints are tried in their configured
 * order; one that fails rests for a backoff (15 s doubling to 5 min) and is then re-probed. When
 * every endpoint rests, the one due soonest is tried anyway, so a cluster is never given up on.
 * Thread-safe. Internal: not API.
 */
public final class EndpointPool {

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final Clock clock;
  private final Map<URI, State> states = new LinkedHashMap<>();

  public EndpointPool(List<URI> endpoints, Clock clock) {
    this.clock = clock;
    endpoints.forEach(e -> states.put(e, new State()));
  }

  /** The endpoints to try now, best first. Never empty. */
  public synchronized List<URI> candidates() {
    Instant now = clock.instant();
    List<URI> ready = new ArrayList<>();
    states.forEach((uri, s) -> {
      if (s.retryAt == null || !now.isBefore(s.retryAt)) {
        ready.add(uri);
      }
    });
    if (ready.isEmpty()) {
      states.entrySet().stream().min(Comparator.comparing(e -> e.getValue().retryAt)).ifPresent(e -> ready.add(e.getKey()));
    }
    return ready;
  }

  public synchronized void succeeded(URI endpoint) {
    State s = states.get(endpoint);
    if (s != null) {
      s.retryAt = null;
      s.backoff = null;
      s.lastError = null;
    }
  }

  public synchronized void failed(URI endpoint, String error) {
    State s = states.get(endpoint);
    if (s != null) {
      s.backoff = s.backoff == null ? FIRST_BACKOFF : min(s.backoff.multipliedBy(2), MAX_BACKOFF);
      s.retryAt = clock.instant().plus(s.backoff);
      s.lastError = error;
    }
  }

  /** Whether the endpoint is resting after a failure. */
  public synchronized boolean resting(URI endpoint) {
    State s = states.get(endpoint);
    return s != null && s.retryAt != null && clock.instant().isBefore(s.retryAt);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static final class State {
    Instant retryAt;
    Duration backoff;
    String lastError;
  }
}
