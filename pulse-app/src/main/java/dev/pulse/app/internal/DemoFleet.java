package dev.pulse.app.internal;

import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.engine.ConnectionService;
import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Demo mode's fleet: in-process simulators of a PVE cluster (two endpoints) and a PBS server on
 * free loopback ports, registered as ordinary connections so the full pipeline runs over real
 * HTTPS. Internal: not API.
 */
public final class DemoFleet implements AutoCloseable {

  private final PveSimulator pve;
  private final PbsSimulator pbs;

  private DemoFleet(PveSimulator pve, PbsSimulator pbs) {
    this.pve = pve;
    this.pbs = pbs;
  }

  public static DemoFleet start(Clock clock, ConnectionService connections) {
    String pveSecret = randomSecret();
    String pbsSecret = randomSecret();
    PveSimulator pve = PveSimulator.builder().token("pulse@pve!demo", pveSecret).clock(clock).endpoints(2).start();
    PbsSimulator pbs = null;
    try {
      pbs = PbsSimulator.builder().token("pulse@pbs!demo", pbsSecret).clock(clock).start();
      connections.create(new ConnectionDraft("pve", "Demo cluster (homelab)", pve.baseUrl().toString(),
          pve.baseUrls().stream().skip(1).map(Object::toString).toList(), "pulse@pve!demo", pveSecret, null, null,
          pve.fingerprint(), true));
      connections.create(ConnectionDraft.withToken("pbs", "Demo backup server (pbs1)", pbs.baseUrl().toString(),
          "pulse@pbs!demo", pbsSecret, pbs.fingerprint(), true));
    } catch (RuntimeException e) {
      pve.close();
      if (pbs != null) {
        pbs.close();
      }
      throw e;
    }
    return new DemoFleet(pve, pbs);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    pve.close();
    pbs.close();
  }
}
