package dev.pulse.domain.connection;

import dev.pulse.domain.source.ResourceCollector;

/** Port: turns a stored connection into a collector, and tests one. Implemented by the adapters. */
public interface CollectorFactory {

  /** Whether this factory builds collectors for the type. */
  boolean supports(ConnectionType type);

  ResourceCollector create(ConnectionConfig connection);

  /**
   * Checks that the connection works: each endpoint's certificate, the login, the version and the
   * privileges. Never throws for a vendor fault; the result says what went wrong.
   */
  ConnectionTestResult test(ConnectionConfig connection);
}
