package dev.pulse.app;

import dev.pulse.adapters.agents.docker.DockerCollector;
import dev.pulse.adapters.agents.host.ProcHostReader;
import dev.pulse.adapters.agents.host.SmartReader;
import dev.pulse.adapters.agents.kubernetes.KubernetesAccess;
import dev.pulse.adapters.agents.runner.AgentOptions;
import dev.pulse.adapters.agents.runner.AgentSources;
import dev.pulse.adapters.agents.runner.AgentRunner;
import dev.pulse.simulators.SimulatorCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar pulse.jar [demo | simulate pve … | version | help]}. With no command it serves
 * Pulse; {@code demo} adds a simulated fleet. SIGTERM stops pollers and closes files.
 */
public final class PulseMain {

  private static final Logger LOG = LoggerFactory.getLogger(PulseMain.class);

  private PulseMain() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    int code = switch (command) {
      case "serve", "demo" -> serve(command.equals("demo"));
      case "simulate" -> SimulatorCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
      case "agent" -> agent(Arrays.copyOfRange(args, 1, args.length));
      case "recover" -> RecoverCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
      case "version", "--version" -> {
        System.out.println("pulse " + version());
        yield 0;
      }
      case "help", "--help", "-h" -> {
        System.out.println(usage());
        yield 0;
      }
      default -> {
        System.err.println("unknown command '" + command + "'\n" + usage());
        yield 2;
      }
    };
    if (code != 0) {
      System.exit(code);
    }
  }

  private static int serve(boolean demo) {
    PulseConfig config;
    try {
      config = PulseConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("configuration error: " + e.getMessage());
      return 2;
    }
    PulseServer server;
    try {
      server = PulseServer.start(config, demo, Clock.systemUTC(), version());
    } catch (IOException | RuntimeException e) {
      LOG.error("Pulse could not start: {}", e.getMessage(), e);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping Pulse");
      server.close();
      stopped.countDown();
    }, "pulse-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** {@code agent --url URL --token TOKEN …}: reports this host until stopped. */
  private static int agent(String[] args) {
    AgentOptions options;
    try {
      options = AgentOptions.parse(args, PulseMain::readTokenFile);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(AgentOptions.USAGE);
      return 2;
    }
    String xdgRuntime = System.getenv("XDG_RUNTIME_DIR");
    String k8sHost = System.getenv("KUBERNETES_SERVICE_HOST");
    String k8sPort = System.getenv("KUBERNETES_SERVICE_PORT");
    AgentSources sources = new AgentSources(() -> DockerCollector.findSocket(xdgRuntime),
        () -> options.kubeconfig() != null ? Optional.of(KubernetesAccess.fromKubeconfig(options.kubeconfig()))
            : KubernetesAccess.inCluster(Path.of("/var/run/secrets/kubernetes.io/serviceaccount"), k8sHost, k8sPort),
        SmartReader.system(System.getenv("PATH"), java.time.Duration.ofSeconds(20)));
    try (AgentRunner runner = new AgentRunner(options, version(), new ProcHostReader(Path.of("/")), Clock.systemUTC(), sources)
        .start()) {
      LOG.info("Pulse agent reporting to {} every {} s", options.url(), options.interval().toSeconds());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "pulse-agent-shutdown"));
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String readTokenFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("--token-file cannot be read: " + e.getMessage());
    }
  }

  static String version() {
    String v = PulseMain.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  private static String usage() {
    return """
        usage: java -jar pulse.jar [command]
          (none)     serve Pulse on PULSE_PORT (7655) with data in PULSE_DATA_DIR (./data)
          demo       serve Pulse with a simulated Proxmox VE cluster polled over HTTPS
          simulate pve --port N --token-id USER@REALM!ID --token-secret SECRET
                     run only the PVE simulator, for any PVE client (also: simulate pbs|pmg|truenas …)
          agent --url URL --token TOKEN [--interval 30s] [--hostname NAME] [--token-file PATH]
                [--docker auto|on|off] [--docker-socket PATH] [--kubernetes auto|on|off] [--kubeconfig PATH]
                     report this Linux host to a Pulse server
          recover --user NAME [--port 7655] [--password-file PATH]
                     on Pulse's machine: set a new password for a locked-out admin
          version    print the version""";
  }
}
