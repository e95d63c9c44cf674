package dev.pulse.simulators;

import dev.pulse.simulators.pve.PveSimulator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate pve --port N --token-id USER@REALM!ID --token-secret SECRET [--bind ADDR]}: runs
 * a simulator in the foreground until the process is stopped.
 */
public final class SimulatorCli {

  private SimulatorCli() {}

  /** Runs the command; returns the exit code. Blocks until interrupted when it starts a server. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !args[0].equals("pve")) {
      err.println("usage: simulate pve --port N --token-id USER@REALM!ID --token-secret SECRET [--bind ADDR]");
      return 2;
    }
    PveSimulator.Builder builder = PveSimulator.builder().port(8006);
    String tokenId = null;
    String tokenSecret = null;
    for (int i = 1; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        err.println("missing value for " + args[i]);
        return 2;
      }
      switch (args[i]) {
        case "--port" -> {
          try {
            builder.port(Integer.parseInt(value));
          } catch (NumberFormatException e) {
            err.println("--port must be a number: " + value);
            return 2;
          }
        }
        case "--token-id" -> tokenId = value;
        case "--token-secret" -> tokenSecret = value;
        case "--bind" -> {
          try {
            builder.bindAddress(InetAddress.getByName(value));
          } catch (UnknownHostException e) {
            err.println("--bind must be an address: " + value);
            return 2;
          }
        }
        default -> {
          err.println("unknown option " + args[i]);
          return 2;
        }
      }
      i++;
    }
    if (tokenId == null || tokenSecret == null) {
      err.println("--token-id and --token-secret are required");
      return 2;
    }
    builder.token(tokenId, tokenSecret);
    try (PveSimulator sim = builder.start()) {
      out.println("PVE simulator: " + sim.baseUrl() + "/api2/json");
      out.println("Token: Authorization: PVEAPIToken=" + tokenId + "=<secret>");
      out.println("Certificate SHA-256 fingerprint: " + sim.fingerprint());
      out.flush();
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "pve-sim-shutdown"));
      forever.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
    return 0;
  }
}
