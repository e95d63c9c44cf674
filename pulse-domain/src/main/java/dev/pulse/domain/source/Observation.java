package dev.pulse.domain.source;

import java.time.Instant;
import java.util.Objects;

/**
 * What one source saw in one collection, stamped with the source and the time.
 *
 * @param sourceId the source that collected it
 * @param platform the platform name kept as provenance, for example {@code proxmox}
 * @param collectedAt when the collection finished
 * @param result the resources, or the error
 */
public record Observation(String sourceId, String platform, Instant collectedAt, CollectionResult result) {

  public Observation {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(result, "result");
  }
}
