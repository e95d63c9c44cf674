package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import java.util.List;

/**
 * One change to the registry: resources added or changed, ids removed, and the registry version
 * after the change. Versions only grow.
 *
 * @param full whether {@code upserts} is every resource there is at this version, so that a
 *     subscriber replaces what it holds (sent to a subscriber that fell too far behind, see {@link
 *     Subscription})
 */
public record StateChange(List<Resource> upserts, List<String> removed, long version, boolean full) {

  public StateChange {
    upserts = List.copyOf(upserts);
    removed = List.copyOf(removed);
  }

  /** A change of some resources. */
  public StateChange(List<Resource> upserts, List<String> removed, long version) {
    this(upserts, removed, version, false);
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && removed.isEmpty();
  }
}
