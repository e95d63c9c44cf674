package dev.pulse.engine;

import dev.pulse.domain.resource.SourceStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one source is doing.
 *
 * @param lastSuccess when it last collected successfully, {@code null} if never
 * @param lastError its last error while it is failing, {@code null} when healthy
 * @param resourceCount how many resources it reported last time
 * @param warnings what its last successful collection could not do, empty when nothing
 */
public record SourceHealth(
    String sourceId,
    String platform,
    SourceStatus status,
    @Nullable Instant lastSuccess,
    @Nullable String lastError,
    int resourceCount,
    List<String> warnings) {

  public SourceHealth {
    warnings = List.copyOf(warnings);
  }
}
