package dev.pulse.domain.alert;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bad state read from a resource's facts: offline, a failing disk, a degraded pool, an unhealthy
 * container, a failed replication.
 *
 * @param check what is wrong now, or {@code null}
 */
public record StateRule(String id, String title, AlertCategory category, Set<ResourceType> types, Duration delay,
    int clearConfirmations, boolean enabledByDefault, Function<Resource, @Nullable Condition> check) implements AlertRule {

  public StateRule {
    types = Set.copyOf(types);
    if (clearConfirmations < 1) {
      throw new IllegalArgumentException("clearConfirmations must be at least 1");
    }
  }

  @Override
  public @Nullable Condition evaluate(Resource resource, @Nullable AlertLevel previous, @Nullable Thresholds thresholds) {
    return check.apply(resource);
  }
}
