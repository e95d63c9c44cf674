package dev.pulse.adapters.proxmox;

import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds collectors for stored {@code pve} ({@link PveCollector}), {@code pbs} ({@link
 * PbsCollector}) and {@code pmg} ({@link PmgCollector}) connections, and tests new ones.
 */
public final class ProxmoxCollectorFactory implements CollectorFactory {

  private final Duration requestTimeout;
  private final Clock clock;

  /**
   * @param requestTimeout how long one API request may take
   * @param clock for ticket renewal, endpoint backoff, tiers and privilege re-checks
   */
  public ProxmoxCollectorFactory(Duration requestTimeout, Clock clock) {
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean supports(ConnectionType type) {
    return type == ConnectionType.PVE || type == ConnectionType.PBS || type == ConnectionType.PMG;
  }

  @Override
  public ResourceCollector create(ConnectionConfig connection) {
    return switch (connection.type()) {
      case PVE -> new PveCollector(connection, requestTimeout, clock);
      case PBS -> new PbsCollector(connection, requestTimeout, clock);
      case PMG -> new PmgCollector(connection, requestTimeout, clock);
      default -> throw new IllegalArgumentException("not a Proxmox connection: " + connection.type().wireName());
    };
  }

  @Override
  public ConnectionTestResult test(ConnectionConfig connection) {
    ProxmoxProduct product = switch (connection.type()) {
      case PVE -> ProxmoxProduct.PVE;
      case PBS -> ProxmoxProduct.PBS;
      case PMG -> ProxmoxProduct.PMG;
      default -> throw new IllegalArgumentException("not a Proxmox connection: " + connection.type().wireName());
    };
    return ProxmoxConnectionTester.test(product, connection, requestTimeout, clock);
  }
}
