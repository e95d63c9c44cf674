package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A filter over the registry. Every field is optional; {@code limit} {@code null} means all.
 *
 * @param q case-insensitive text matched against name, id, tags and node
 */
public record ResourceQuery(
    @Nullable ResourceType type,
    @Nullable ResourceStatus status,
    @Nullable String source,
    @Nullable String parent,
    @Nullable String tag,
    @Nullable String q,
    @Nullable Integer limit,
    int offset) {

  public static final ResourceQuery ALL = new ResourceQuery(null, null, null, null, null, null, null, 0);

  public ResourceQuery {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }

  public boolean matches(Resource r) {
    if (type != null && r.type() != type) {
      return false;
    }
    if (status != null && r.status() != status) {
      return false;
    }
    if (parent != null && !parent.equals(r.parentId())) {
      return false;
    }
    if (source != null && r.sources().stream().noneMatch(s -> s.sourceId().equals(source))) {
      return false;
    }
    if (tag != null && !r.tags().contains(tag)) {
      return false;
    }
    return q == null || q.isBlank() || textMatches(r, q.strip().toLowerCase(Locale.ROOT));
  }

  private static boolean textMatches(Resource r, String needle) {
    if (r.name().toLowerCase(Locale.ROOT).contains(needle) || r.id().toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    if (r.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle))) {
      return true;
    }
    var proxmox = r.facets().proxmox();
    return proxmox != null
        && (proxmox.node().toLowerCase(Locale.ROOT).contains(needle)
            || (proxmox.vmid() != null && proxmox.vmid().toString().equals(needle)));
  }
}
