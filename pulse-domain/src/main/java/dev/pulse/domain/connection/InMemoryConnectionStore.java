package dev.pulse.domain.connection;

import java.util.List;

/** A {@link ConnectionStore} that keeps nothing beyond the process. Thread-safe. */
final class InMemoryConnectionStore implements ConnectionStore {

  private volatile List<ConnectionConfig> connections = List.of();

  @Override
  public List<ConnectionConfig> loadAll() {
    return connections;
  }

  @Override
  public void saveAll(List<ConnectionConfig> newConnections) {
    connections = List.copyOf(newConnections);
  }
}
