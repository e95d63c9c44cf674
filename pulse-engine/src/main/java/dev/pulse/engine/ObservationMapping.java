package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.domain.source.ObservedResource;
import java.time.Instant;
import java.util.List;

/** Turns what a source observed into registry resources. */
final class ObservationMapping {

  private ObservationMapping() {}

  /** The stable resource id: the source id and the source's own key. */
  static String resourceId(String sourceId, String sourceKey) {
    return sourceId + ":" + sourceKey;
  }

  static Resource toResource(String sourceId, ObservedResource o, Instant seenAt) {
    return new Resource(
        resourceId(sourceId, o.sourceKey()),
        o.type(),
        o.name(),
        o.status(),
        o.parentKey() == null ? null : resourceId(sourceId, o.parentKey()),
        List.of(new SourceRef(sourceId, o.sourceKey(), SourceStatus.HEALTHY, seenAt, null)),
        o.identity(),
        o.metrics(),
        o.tags(),
        o.facets());
  }

  /** Whether two versions differ only in when their sources last saw them. */
  static boolean sameIgnoringLastSeen(Resource a, Resource b) {
    return a.withSources(withoutLastSeen(a.sources())).equals(b.withSources(withoutLastSeen(b.sources())));
  }

  private static List<SourceRef> withoutLastSeen(List<SourceRef> refs) {
    return refs.stream()
        .map(s -> new SourceRef(s.sourceId(), s.sourceKey(), s.status(), Instant.EPOCH, s.error()))
        .toList();
  }
}
