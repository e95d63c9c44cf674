package dev.pulse.app.internal;

import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.engine.ConnectionService;
import dev.pulse.simulators.pve.PveSimulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Demo mode's fleet: in-process simulators on free loopback ports, registered as ordinary
 * connections so the full pipeline runs over real HTTPS. Internal: not API.
 */
public final class DemoFleet implements AutoCloseable {

  private final PveSimulator pve;

  private DemoFleet(PveSimulator pve) {
    this.pve = pve;
  }

  public static DemoFleet start(Clock clock, ConnectionService connections) {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    String tokenId = "pulse@pve!demo";
    PveSimulator pve = PveSimulator.builder().token(tokenId, secret).clock(clock).endpoints(2).start();
    try {
      connections.create(new ConnectionDraft("pve", "Demo cluster (homelab)", pve.baseUrl().toString(),
          pve.baseUrls().stream().skip(1).map(Object::toString).toList(), tokenId, secret, null, null, pve.fingerprint(), true));
    } catch (RuntimeException e) {
      pve.close();
      throw e;
    }
    return new DemoFleet(pve);
  }

  @Override
  public void close() {
    pve.close();
  }
}
