package dev.pulse.domain.source;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one collection returned. A vendor fault is a failed result, never an exception.
 *
 * @param resources what the source saw; empty on failure
 * @param error why the collection failed, {@code null} on success
 */
public record CollectionResult(List<ObservedResource> resources, @Nullable String error) {

  public CollectionResult {
    resources = List.copyOf(resources);
  }

  public static CollectionResult success(List<ObservedResource> resources) {
    return new CollectionResult(resources, null);
  }

  public static CollectionResult failure(String error) {
    return new CollectionResult(List.of(), Objects.requireNonNull(error, "error"));
  }

  public boolean succeeded() {
    return error == null;
  }
}
