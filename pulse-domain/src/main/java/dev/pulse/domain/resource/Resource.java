package dev.pulse.domain.resource;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One monitored thing in the unified model: a host, a guest, a container, a storage. Immutable.
 *
 * @param id stable across restarts, derived from source and source key
 * @param type the canonical type
 * @param name the display name
 * @param status the normalised status
 * @param parentId the resource this one runs on, for example a VM's node, or {@code null}
 * @param sources each source's view of it
 * @param identity what identifies the machine across sources
 * @param metrics live figures, each {@code null} when unknown
 * @param tags user tags, in the order the platform gave them
 * @param facets the typed platform- and kind-specific facts
 */
public record Resource(
    String id,
    ResourceType type,
    String name,
    ResourceStatus status,
    @Nullable String parentId,
    List<SourceRef> sources,
    Identity identity,
    Metrics metrics,
    List<String> tags,
    Facets facets) {

  public Resource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(facets, "facets");
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  public Resource withStatus(ResourceStatus newStatus) {
    return new Resource(
        id, type, name, newStatus, parentId, sources, identity, metrics, tags, facets);
  }

  public Resource withMetrics(Metrics newMetrics) {
    return new Resource(
        id, type, name, status, parentId, sources, identity, newMetrics, tags, facets);
  }

  public Resource withSources(List<SourceRef> newSources) {
    return new Resource(
        id, type, name, status, parentId, newSources, identity, metrics, tags, facets);
  }
}
