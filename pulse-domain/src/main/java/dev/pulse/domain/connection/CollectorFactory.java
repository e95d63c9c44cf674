package dev.pulse.domain.connection;

import dev.pulse.domain.source.ResourceCollector;

/** Port: turns a stored connection into a collector. Implemented by the adapters. */
public interface CollectorFactory {

  /** Whether this factory builds collectors for the type. */
  boolean supports(ConnectionType type);

  ResourceCollector create(ConnectionConfig connection);
}
