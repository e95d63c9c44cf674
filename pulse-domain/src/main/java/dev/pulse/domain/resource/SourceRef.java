package dev.pulse.domain.resource;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One source's view of a resource.
 *
 * @param sourceId the connection or agent that reports the resource
 * @param sourceKey the resource's key inside that source, for example {@code qemu-100}
 * @param status the health of that source as far as this resource goes
 * @param lastSeen when the source last reported the resource
 * @param error the source's last error, {@code null} when healthy
 */
public record SourceRef(
    String sourceId, String sourceKey, SourceStatus status, Instant lastSeen, @Nullable String error) {}
