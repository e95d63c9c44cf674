package dev.pulse.app.internal;

import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.engine.ConnectionService;
import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pmg.PmgSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import dev.pulse.simulators.truenas.TrueNasSimulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Demo mode's fleet: in-process simulators of a PVE cluster (two endpoints), a PBS server, a
 * PMG cluster and a TrueNAS system on free loopback ports, registered as ordinary connections so the full pipeline runs over real
 * HTTPS. Internal: not API.
 */
public final class DemoFleet implements AutoCloseable {

  private final PveSimulator pve;
  private final PbsSimulator pbs;
  private final PmgSimulator pmg;
  private final TrueNasSimulator truenas;

  private DemoFleet(PveSimulator pve, PbsSimulator pbs, PmgSimulator pmg, TrueNasSimulator truenas) {
    this.pve = pve;
    this.pbs = pbs;
    this.pmg = pmg;
    this.truenas = truenas;
  }

  public static DemoFleet start(Clock clock, ConnectionService connections) {
    String pveSecret = randomSecret();
    String pbsSecret = randomSecret();
    String pmgPassword = randomSecret();
    PveSimulator pve = PveSimulator.builder().token("pulse@pve!demo", pveSecret).clock(clock).endpoints(2).start();
    PbsSimulator pbs = null;
    PmgSimulator pmg = null;
    TrueNasSimulator truenas = null;
    try {
      pbs = PbsSimulator.builder().token("pulse@pbs!demo", pbsSecret).clock(clock).start();
      pmg = PmgSimulator.builder().user("pulse@pmg", pmgPassword, false).clock(clock).start();
      connections.create(new ConnectionDraft("pve", "Demo cluster (homelab)", pve.baseUrl().toString(),
          pve.baseUrls().stream().skip(1).map(Object::toString).toList(), "pulse@pve!demo", pveSecret, null, null,
          pve.fingerprint(), true));
      connections.create(ConnectionDraft.withToken("pbs", "Demo backup server (pbs1)", pbs.baseUrl().toString(),
          "pulse@pbs!demo", pbsSecret, pbs.fingerprint(), true));
      connections.create(new ConnectionDraft("pmg", "Demo mail gateway (pmg1)", pmg.baseUrl().toString(), null, null, null,
          "pulse@pmg", pmgPassword, pmg.fingerprint(), true));
      String apiKey = "1-" + randomSecret();
      truenas = TrueNasSimulator.builder().apiKey(apiKey).clock(clock).start();
      connections.create(ConnectionDraft.withApiKey("Demo NAS (nas01)", truenas.baseUrl().toString(), apiKey, truenas.fingerprint(),
          true, false));
    } catch (RuntimeException e) {
      pve.close();
      if (pbs != null) {
        pbs.close();
      }
      if (pmg != null) {
        pmg.close();
      }
      if (truenas != null) {
        truenas.close();
      }
      throw e;
    }
    return new DemoFleet(pve, pbs, pmg, truenas);
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
    pmg.close();
    truenas.close();
  }
}
