package dev.pulse.engine;

import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionValidator;
import dev.pulse.domain.connection.InvalidConnectionException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The platform connections: stored through a {@link ConnectionStore}, each polled as a source.
 * Thread-safe: mutations are serialised, and a connection is stored before it is polled.
 */
public final class ConnectionService {

  private final Object lock = new Object();
  private final ConnectionStore store;
  private final List<CollectorFactory> factories;
  private final Consumer<SourceSpec> startSource;
  private final Consumer<String> stopSource;
  private final Duration interval;
  private final Duration timeout;
  private final SecureRandom random = new SecureRandom();
  private List<ConnectionConfig> connections = List.of();

  ConnectionService(ConnectionStore store, List<CollectorFactory> factories, Consumer<SourceSpec> startSource,
      Consumer<String> stopSource, Duration interval, Duration timeout) {
    this.store = store;
    this.factories = List.copyOf(factories);
    this.startSource = startSource;
    this.stopSource = stopSource;
    this.interval = interval;
    this.timeout = timeout;
  }

  /** Loads the stored connections and starts polling them. */
  void startAll() {
    synchronized (lock) {
      connections = List.copyOf(store.loadAll());
      connections.forEach(c -> startSource.accept(spec(c)));
    }
  }

  public List<ConnectionConfig> list() {
    synchronized (lock) {
      return connections;
    }
  }

  public Optional<ConnectionConfig> get(String id) {
    return list().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Validates, stores and starts polling a new connection.
   *
   * @throws InvalidConnectionException naming the field at fault; nothing is stored then
   */
  public ConnectionConfig create(ConnectionDraft draft) {
    synchronized (lock) {
      ConnectionConfig config = ConnectionValidator.validate(newId(), draft);
      if (connections.stream().anyMatch(c -> c.name().equalsIgnoreCase(config.name()))) {
        throw new InvalidConnectionException("name", "a connection named '" + config.name() + "' already exists");
      }
      factory(config);
      List<ConnectionConfig> next = new ArrayList<>(connections);
      next.add(config);
      store.saveAll(next);
      connections = List.copyOf(next);
      startSource.accept(spec(config));
      return config;
    }
  }

  /**
   * Tests a draft without storing it: certificates, login, version and privileges.
   *
   * @throws InvalidConnectionException naming the field at fault when the draft is not valid
   */
  public ConnectionTestResult test(ConnectionDraft draft) {
    ConnectionConfig config = ConnectionValidator.validate("test", draft);
    return factory(config).test(config);
  }

  /** Stops polling and forgets the connection. Returns whether it existed. */
  public boolean delete(String id) {
    synchronized (lock) {
      List<ConnectionConfig> next = new ArrayList<>(connections);
      if (!next.removeIf(c -> c.id().equals(id))) {
        return false;
      }
      store.saveAll(next);
      connections = List.copyOf(next);
      stopSource.accept(id);
      return true;
    }
  }

  private SourceSpec spec(ConnectionConfig config) {
    var fast = config.intervals().fast();
    return new SourceSpec(config.id(), config.name(), factory(config).create(config), fast != null ? fast : interval, timeout);
  }

  private CollectorFactory factory(ConnectionConfig config) {
    return factories.stream()
        .filter(f -> f.supports(config.type()))
        .findFirst()
        .orElseThrow(() -> new InvalidConnectionException("type", "no collector is installed for type " + config.type().wireName()));
  }

  private String newId() {
    byte[] bytes = new byte[5];
    random.nextBytes(bytes);
    return "c" + HexFormat.of().formatHex(bytes);
  }
}
