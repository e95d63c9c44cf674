package dev.pulse.domain.source;

import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resource as one source saw it, keyed by the source's own key. The registry turns it into a
 * {@link dev.pulse.domain.resource.Resource}.
 *
 * @param sourceKey unique within the source; letters, digits and {@code . _ @ -} only, so that ids
 *     derived from it are safe in URLs: {@link SourceKeys#of} makes one from any name
 * @param parentKey the source key of the parent, or {@code null}
 */
public record ObservedResource(
    String sourceKey,
    ResourceType type,
    String name,
    ResourceStatus status,
    @Nullable String parentKey,
    Identity identity,
    Metrics metrics,
    List<String> tags,
    Facets facets) {


  /** A copy with other metrics, for collectors that fill figures in tiers. */
  public ObservedResource withMetrics(Metrics newMetrics) {
    return new ObservedResource(sourceKey, type, name, status, parentKey, identity, newMetrics, tags, facets);
  }

  public ObservedResource withFacets(Facets newFacets) {
    return new ObservedResource(sourceKey, type, name, status, parentKey, identity, metrics, tags, newFacets);
  }

  public ObservedResource withStatus(ResourceStatus newStatus) {
    return new ObservedResource(sourceKey, type, name, newStatus, parentKey, identity, metrics, tags, facets);
  }

  public ObservedResource {
    Objects.requireNonNull(sourceKey, "sourceKey");
    if (!SourceKeys.isSafe(sourceKey)) {
      throw new IllegalArgumentException("source key is not safe (see SourceKeys.of): " + sourceKey);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(facets, "facets");
    tags = List.copyOf(tags);
  }
}
