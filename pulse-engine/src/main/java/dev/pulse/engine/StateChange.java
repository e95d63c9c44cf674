package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import java.util.List;

/**
 * One change to the registry: resources added or changed, ids removed, and the registry version
 * after the change. Versions only grow.
 */
public record StateChange(List<Resource> upserts, List<String> removed, long version) {

  public StateChange {
    upserts = List.copyOf(upserts);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && removed.isEmpty();
  }
}
