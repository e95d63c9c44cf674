package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.domain.source.ObservedResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns what a source observed into registry resources. */
final class ObservationMapping {

  private ObservationMapping() {}

  /** The stable resource id: the source id and the source's own key. */
  static String resourceId(String sourceId, String sourceKey) {
    return sourceId + ":" + sourceKey;
  }

  /**
   * @param ids source key → resource id, kept by the registry per source so that each id string
   *     (and its hash) is made once, not on every poll
   */
  static Resource toResource(String sourceId, ObservedResource o, Instant seenAt, Map<String, String> ids) {
    return new Resource(
        ids.computeIfAbsent(o.sourceKey(), k -> resourceId(sourceId, k)),
        o.type(),
        o.name(),
        o.status(),
        o.parentKey() == null ? null : ids.computeIfAbsent(o.parentKey(), k -> resourceId(sourceId, k)),
        List.of(new SourceRef(sourceId, o.sourceKey(), SourceStatus.HEALTHY, seenAt, null)),
        o.identity(),
        o.metrics(),
        o.tags(),
        o.facets());
  }

  /**
   * Whether two versions differ only in when their sources last saw them. Compares field by field
   * without copying: this runs for every resource on every poll.
   */
  static boolean sameIgnoringLastSeen(Resource a, Resource b) {
    if (!a.id().equals(b.id()) || a.type() != b.type() || a.status() != b.status() || !a.name().equals(b.name())
        || !Objects.equals(a.parentId(), b.parentId()) || !a.metrics().equals(b.metrics()) || !a.tags().equals(b.tags())
        || !a.identity().equals(b.identity()) || !a.facets().equals(b.facets()) || a.sources().size() != b.sources().size()) {
      return false;
    }
    for (int i = 0; i < a.sources().size(); i++) {
      SourceRef x = a.sources().get(i);
      SourceRef y = b.sources().get(i);
      if (!x.sourceId().equals(y.sourceId()) || !x.sourceKey().equals(y.sourceKey()) || x.status() != y.status()
          || !Objects.equals(x.error(), y.error())) {
        return false;
      }
    }
    return true;
  }
}
