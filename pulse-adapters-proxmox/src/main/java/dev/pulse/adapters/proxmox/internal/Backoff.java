package dev.pulse.adapters.proxmox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which keys failed and when to try them again: {@code first}, doubling to {@code max}.
 * Not thread-safe: one per collector. Internal: not API.
 */
public final class Backoff {

  private record Wait(Instant until, Duration length) {}

  private final Duration first;
  private final Duration max;
  private final Map<String, Wait> waits = new HashMap<>();

  public Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  public boolean due(String key, Instant now) {
    Wait w = waits.get(key);
    return w == null || !now.isBefore(w.until());
  }

  public void failed(String key, Instant now) {
    Wait w = waits.get(key);
    Duration length = w == null ? first : w.length().multipliedBy(2).compareTo(max) > 0 ? max : w.length().multipliedBy(2);
    waits.put(key, new Wait(now.plus(length), length));
  }

  public void succeeded(String key) {
    waits.remove(key);
  }
}
