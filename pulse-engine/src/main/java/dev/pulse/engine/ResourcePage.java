package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import java.util.List;

/** One page of a query: the resources on it and how many matched in all. */
public record ResourcePage(List<Resource> resources, int total, long version) {

  public ResourcePage {
    resources = List.copyOf(resources);
  }
}
