package dev.pulse.domain.source;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one collection returned. A vendor fault is a failed result, never an exception.
 *
 * @param resources what the source saw; empty on failure
 * @param error why the collection failed, {@code null} on success
 * @param warnings what a successful collection could not do, said to the operator (a vendor path
 *     that was refused, a check that could not be made); empty when all went well
 */
public record CollectionResult(List<ObservedResource> resources, @Nullable String error, List<String> warnings) {

  public CollectionResult {
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
  }

  public static CollectionResult success(List<ObservedResource> resources) {
    return new CollectionResult(resources, null, List.of());
  }

  public static CollectionResult failure(String error) {
    return new CollectionResult(List.of(), Objects.requireNonNull(error, "error"), List.of());
  }

  /** The same, with these warnings. */
  public CollectionResult withWarnings(List<String> more) {
    return new CollectionResult(resources, error, more);
  }

  public boolean succeeded() {
    return error == null;
  }
}
