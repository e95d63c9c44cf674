package dev.pulse.adapters.proxmox;

import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Builds {@link PveCollector}s for stored {@code pve} connections, and tests new ones. */
public final class PveCollectorFactory implements CollectorFactory {

  private final Duration requestTimeout;
  private final Clock clock;

  /**
   * @param requestTimeout how long one API request may take
   * @param clock for ticket renewal, endpoint backoff and privilege re-checks
   */
  public PveCollectorFactory(Duration requestTimeout, Clock clock) {
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean supports(ConnectionType type) {
    return type == ConnectionType.PVE;
  }

  @Override
  public ResourceCollector create(ConnectionConfig connection) {
    return new PveCollector(connection, requestTimeout, clock);
  }

  @Override
  public ConnectionTestResult test(ConnectionConfig connection) {
    return PveConnectionTester.test(connection, requestTimeout, clock);
  }
}
