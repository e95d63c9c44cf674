package dev.pulse.domain.source;

import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ProxmoxFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.StorageFacet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A resource as one source saw it, keyed by the source's own key. The registry turns it into a
 * {@link dev.pulse.domain.resource.Resource}.
 *
 * @param sourceKey unique within the source; letters, digits and {@code . _ @ -} only, so that ids
 *     derived from it are safe in URLs
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
    @Nullable ProxmoxFacet proxmox,
    @Nullable StorageFacet storage) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._@-]+");

  public ObservedResource {
    Objects.requireNonNull(sourceKey, "sourceKey");
    if (!KEY.matcher(sourceKey).matches()) {
      throw new IllegalArgumentException("source key has characters outside [A-Za-z0-9._@-]: " + sourceKey);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(metrics, "metrics");
    tags = List.copyOf(tags);
  }
}
