package dev.pulse.domain.source;

/**
 * Port: polls one source and reports what it saw. Implementations talk to one vendor API.
 *
 * <p>{@link #collect()} never throws for a vendor fault (timeout, HTTP error, junk body): it
 * returns {@link CollectionResult#failure(String)}. The engine still guards against unexpected
 * exceptions. Implementations must be safe to call from one thread at a time.
 */
public interface ResourceCollector extends AutoCloseable {

  /** The platform, kept as provenance on each figure, for example {@code proxmox}. */
  String platform();

  CollectionResult collect();

  /** Releases connections. The default does nothing. */
  @Override
  default void close() {}
}
