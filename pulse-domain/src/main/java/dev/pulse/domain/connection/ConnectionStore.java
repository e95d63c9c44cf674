package dev.pulse.domain.connection;

import java.util.List;

/** Port: where connections persist. Implementations keep secrets encrypted at rest. */
public interface ConnectionStore {

  List<ConnectionConfig> loadAll();

  /** Replaces the whole stored set atomically: a failed write leaves the previous set intact. */
  void saveAll(List<ConnectionConfig> connections);

  /** A store that keeps nothing beyond the process, for embedders and tests. */
  static ConnectionStore inMemory() {
    return new InMemoryConnectionStore();
  }
}
