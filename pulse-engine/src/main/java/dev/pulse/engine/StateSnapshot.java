package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import java.util.List;

/** Every resource at one registry version. */
public record StateSnapshot(List<Resource> resources, long version) {

  public StateSnapshot {
    resources = List.copyOf(resources);
  }
}
