package dev.pulse.adapters.proxmox;

import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Duration;
import java.util.Objects;

/** Builds {@link PveCollector}s for stored {@code pve} connections. */
public final class PveCollectorFactory implements CollectorFactory {

  private final Duration requestTimeout;

  /** @param requestTimeout how long one API request may take */
  public PveCollectorFactory(Duration requestTimeout) {
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  @Override
  public boolean supports(ConnectionType type) {
    return type == ConnectionType.PVE;
  }

  @Override
  public ResourceCollector create(ConnectionConfig connection) {
    return new PveCollector(connection, requestTimeout);
  }
}
