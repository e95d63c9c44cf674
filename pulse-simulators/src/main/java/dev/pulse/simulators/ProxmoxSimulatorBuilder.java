package dev.pulse.simulators;

import dev.pulse.simulators.internal.ProxmoxAccess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every simulated Proxmox product is configured with: where it listens, its clock, and who
 * may log in. Not thread-safe; build once.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ProxmoxSimulatorBuilder<B extends ProxmoxSimulatorBuilder<B>> {

  private int port;
  private InetAddress bindAddress = InetAddress.getLoopbackAddress();
  private Clock clock = Clock.systemUTC();
  private final List<Consumer<ProxmoxAccess>> credentials = new ArrayList<>();
  private boolean loginGiven;

  protected ProxmoxSimulatorBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The port, 0 (the default) for any free one. */
  public B port(int port) {
    this.port = port;
    return self();
  }

  /** The address to listen on, loopback by default. */
  public B bindAddress(InetAddress address) {
    this.bindAddress = Objects.requireNonNull(address);
    return self();
  }

  /** The clock the scenario and the tickets follow. */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return self();
  }

  /** Accepts this API token with audit rights on everything. */
  public B token(String tokenId, String secret) {
    credentials.add(a -> a.addToken(tokenId, secret, true));
    loginGiven = true;
    return self();
  }

  /** Accepts this privilege-separated API token that has no ACLs: the product filters what it sees. */
  public B restrictedToken(String tokenId, String secret) {
    credentials.add(a -> a.addToken(tokenId, secret, false));
    return self();
  }

  /** Accepts a login of this user; with {@code tfa} the login demands a second factor. */
  public B user(String username, String password, boolean tfa) {
    credentials.add(a -> a.addUser(username, password, tfa));
    loginGiven = true;
    return self();
  }

  /** Where the first listener binds. */
  protected InetSocketAddress listenAddress() {
    return new InetSocketAddress(bindAddress, port);
  }

  protected Clock scenarioClock() {
    return clock;
  }

  /**
   * The access rules for the product; without any credentials given, accepts {@code defaultTokenId}
   * with a zero UUID secret.
   */
  protected ProxmoxAccess access(String product, char tokenSeparator, String defaultTokenId) {
    ProxmoxAccess access = new ProxmoxAccess(clock, product, tokenSeparator);
    credentials.forEach(c -> c.accept(access));
    if (!loginGiven) {
      access.addToken(defaultTokenId, "00000000-0000-0000-0000-000000000000", true);
    }
    return access;
  }
}
