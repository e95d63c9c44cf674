package dev.pulse.domain.history;

import dev.pulse.domain.resource.Resource;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A metric that history records: its name in the API, its unit, how many decimals it is kept to,
 * and how to read it from a resource ({@code null} when the resource does not have it now).
 *
 * @param decimals the resolution: 2 keeps CPU % to 0.01, 0 keeps bytes whole. Values are rounded to
 *     it before they are stored, which is what lets the store keep a sample in about a byte.
 */
public record HistoryMetric(String name, String unit, int decimals, Function<Resource, @Nullable Double> reader) {

  private static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  public HistoryMetric {
    if (decimals < 0 || decimals >= POW10.length) {
      throw new IllegalArgumentException("decimals must be 0 to 6: " + decimals);
    }
  }

  /** The resource's current value at this metric's resolution, or {@code null}. */
  public @Nullable Double read(Resource resource) {
    Double v = reader.apply(resource);
    if (v == null || !Double.isFinite(v)) {
      return null;
    }
    return Math.round(v * POW10[decimals]) / POW10[decimals];
  }
}
