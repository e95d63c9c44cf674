package dev.pulse.engine;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A filter over the registry. Every field is optional; {@code limit} {@code null} means all. Build
 * one with {@link #builder()}, which names each field: {@code
 * ResourceQuery.builder().type(ResourceType.VM).text("web").limit(50).build()}.
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

  /** A query built field by field; unset fields match everything. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResourceQuery} by naming each field. Not thread-safe. */
  public static final class Builder {
    private @Nullable ResourceType type;
    private @Nullable ResourceStatus status;
    private @Nullable String source;
    private @Nullable String parent;
    private @Nullable String tag;
    private @Nullable String text;
    private @Nullable Integer limit;
    private int offset;

    private Builder() {}

    public Builder type(@Nullable ResourceType value) {
      this.type = value;
      return this;
    }

    public Builder status(@Nullable ResourceStatus value) {
      this.status = value;
      return this;
    }

    /** Only resources one of whose sources has this id. */
    public Builder source(@Nullable String value) {
      this.source = value;
      return this;
    }

    /** Only the children of this resource id. */
    public Builder parent(@Nullable String value) {
      this.parent = value;
      return this;
    }

    public Builder tag(@Nullable String value) {
      this.tag = value;
      return this;
    }

    /** Case-insensitive text matched against name, id, tags and node. */
    public Builder text(@Nullable String value) {
      this.text = value;
      return this;
    }

    /** At most this many resources; {@code null} for all. */
    public Builder limit(@Nullable Integer value) {
      this.limit = value;
      return this;
    }

    /** Skips this many of the matching resources first. */
    public Builder offset(int value) {
      this.offset = value;
      return this;
    }

    /** @throws IllegalArgumentException for a negative limit or offset */
    public ResourceQuery build() {
      return new ResourceQuery(type, status, source, parent, tag, text, limit, offset);
    }
  }

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
