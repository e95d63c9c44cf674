package dev.pulse.simulators;

import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pmg.PmgSimulator;
import dev.pulse.simulators.truenas.TrueNasSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate pve|pbs --port N --token-id USER@REALM!ID --token-secret SECRET [--bind ADDR]
 * [--endpoints N] [--extra-guests N]} or {@code simulate pmg --port N --user U --password P}: runs a
 * simulator in the foreground until the process is stopped.
 */
public final class SimulatorCli {

  private static final String USAGE = "usage: simulate pve|pbs --port N --token-id USER@REALM!ID --token-secret SECRET"
      + " [--bind ADDR] [--endpoints N (pve)] [--extra-guests N (pve)]\n"
      + "       simulate pmg --port N --user USER@REALM --password PASSWORD [--bind ADDR]\n"
      + "       simulate truenas --port N --api-key KEY";

  private SimulatorCli() {}

  /** Runs the command; returns the exit code. Blocks until interrupted when it starts a server. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("truenas")) {
      return truenas(args, out, err);
    }
    if (args.length == 0 || !List.of("pve", "pbs", "pmg").contains(args[0])) {
      err.println(USAGE);
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!List.of("--port", "--token-id", "--token-secret", "--user", "--password", "--bind", "--endpoints", "--extra-guests").contains(args[i])) {
        err.println("unknown option " + args[i] + "\n" + USAGE);
        return 2;
      }
      if (i + 1 >= args.length) {
        err.println("missing value for " + args[i]);
        return 2;
      }
      options.put(args[i], args[i + 1]);
    }
    boolean pmg = args[0].equals("pmg");
    String tokenId = options.get(pmg ? "--user" : "--token-id");
    String secret = options.get(pmg ? "--password" : "--token-secret");
    if (tokenId == null || secret == null) {
      err.println(pmg ? "--user and --password are required (PMG has no API tokens)" : "--token-id and --token-secret are required");
      return 2;
    }
    int port;
    int endpoints;
    int extraGuests;
    InetAddress bind;
    try {
      port = Integer.parseInt(options.getOrDefault("--port", args[0].equals("pbs") ? "8007" : "8006"));
      endpoints = Integer.parseInt(options.getOrDefault("--endpoints", "1"));
      extraGuests = Integer.parseInt(options.getOrDefault("--extra-guests", "0"));
      bind = options.containsKey("--bind") ? InetAddress.getByName(options.get("--bind")) : InetAddress.getLoopbackAddress();
    } catch (NumberFormatException e) {
      err.println("--port, --endpoints and --extra-guests must be numbers");
      return 2;
    } catch (UnknownHostException e) {
      err.println("--bind must be an address: " + options.get("--bind"));
      return 2;
    }
    try (AutoCloseable sim = switch (args[0]) {
      case "pve" -> PveSimulator.builder().port(port).bindAddress(bind).endpoints(endpoints).extraGuests(extraGuests)
          .token(tokenId, secret).start();
      case "pbs" -> PbsSimulator.builder().port(port).bindAddress(bind).token(tokenId, secret).start();
      default -> PmgSimulator.builder().port(port).bindAddress(bind).user(tokenId, secret, false).start();
    }) {
      List<URI> urls = sim instanceof PveSimulator p ? p.baseUrls()
          : List.of(sim instanceof PbsSimulator b ? b.baseUrl() : ((PmgSimulator) sim).baseUrl());
      String fingerprint = sim instanceof PveSimulator p ? p.fingerprint()
          : sim instanceof PbsSimulator b ? b.fingerprint() : ((PmgSimulator) sim).fingerprint();
      String login = switch (args[0]) {
        case "pve" -> "Authorization: PVEAPIToken=" + tokenId + "=<secret>";
        case "pbs" -> "Authorization: PBSAPIToken=" + tokenId + ":<secret>";
        default -> "POST /access/ticket as " + tokenId + ", then cookie PMGAuthCookie";
      };
      serveUntilStopped(out, args[0].toUpperCase() + " simulator: " + urls.stream().map(u -> u + "/api2/json").toList(), login,
          fingerprint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      err.println(e.getMessage());
      return 1;
    }
    return 0;
  }

  /** {@code simulate truenas --port N --api-key KEY}: JSON-RPC at wss://127.0.0.1:N/api/current and REST. */
  private static int truenas(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (args.length % 2 == 0 || !options.containsKey("--api-key") || !options.keySet().stream().allMatch(k -> k.equals("--port")
        || k.equals("--api-key"))) {
      err.println(USAGE);
      return 2;
    }
    int port;
    try {
      port = Integer.parseInt(options.getOrDefault("--port", "8443"));
    } catch (NumberFormatException e) {
      err.println("--port must be a number");
      return 2;
    }
    try (TrueNasSimulator sim = TrueNasSimulator.builder().port(port).apiKey(options.get("--api-key")).start()) {
      serveUntilStopped(out, "TrueNAS simulator: " + sim.baseUrl() + " (JSON-RPC at /api/current, REST at /api/v2.0)",
          "auth.login_ex with the API key, or Authorization: Bearer <key>", sim.fingerprint());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return 1;
    }
    return 0;
  }

  /** Prints where the simulator is and how to log in, then blocks until the JVM is asked to stop. */
  private static void serveUntilStopped(PrintStream out, String where, String login, String fingerprint)
      throws InterruptedException {
    out.println(where);
    out.println("Login: " + login);
    out.println("Certificate SHA-256 fingerprint: " + fingerprint);
    out.flush();
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "simulator-shutdown"));
    forever.await();
  }
}
