package dev.pulse.adapters.agents.runner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's command line: {@code --url URL --token TOKEN [--interval 30s] [--hostname NAME]
 * [--docker auto|on|off] [--docker-socket PATH] [--kubernetes auto|on|off] [--kubeconfig PATH]}.
 * {@code --token-file PATH} may stand in for {@code --token}, so that the token is not visible in
 * the process list.
 *
 * @param hostname reported instead of the kernel's hostname, or {@code null}
 * @param dockerSocket the Engine API socket, or {@code null} to try Docker's and Podman's usual ones
 * @param kubeconfig a kubeconfig to read the cluster and token from, or {@code null} for in-cluster
 */
public record AgentOptions(URI url, String token, Duration interval, String hostname, Mode docker, Path dockerSocket,
    Mode kubernetes, Path kubeconfig) {

  public static final String USAGE = "usage: java -jar pulse.jar agent --url URL (--token TOKEN | --token-file PATH)"
      + " [--interval 30s] [--hostname NAME] [--docker auto|on|off] [--docker-socket PATH]"
      + " [--kubernetes auto|on|off] [--kubeconfig PATH]";

  private static final List<String> KNOWN = List.of("--url", "--token", "--token-file", "--interval", "--hostname", "--docker",
      "--docker-socket", "--kubernetes", "--kubeconfig");

  /** Whether a collector runs: {@code auto} when its source is found, {@code on} always (warning while absent). */
  public enum Mode { AUTO, ON, OFF }

  public AgentOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(docker, "docker");
    Objects.requireNonNull(kubernetes, "kubernetes");
  }

  /**
   * Reads the command line.
   *
   * @param readFile reads a {@code --token-file}
   * @throws IllegalArgumentException with a message naming the bad option
   */
  public static AgentOptions parse(String[] args, java.util.function.Function<Path, String> readFile) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!KNOWN.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      options.put(args[i], args[i + 1]);
    }
    String rawUrl = options.get("--url");
    if (rawUrl == null) {
      throw new IllegalArgumentException("--url is required");
    }
    URI url;
    try {
      url = URI.create(rawUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url is not a URL: " + rawUrl);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("--url must be an http(s) URL, for example https://pulse.example:7655");
    }
    String token = options.get("--token");
    if (token == null && options.containsKey("--token-file")) {
      token = readFile.apply(Path.of(options.get("--token-file"))).strip();
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("--token or --token-file is required");
    }
    return new AgentOptions(url, token.strip(), interval(options.getOrDefault("--interval", "30s")),
        blankToNull(options.get("--hostname")), mode("--docker", options.get("--docker")),
        options.containsKey("--docker-socket") ? Path.of(options.get("--docker-socket")) : null,
        mode("--kubernetes", options.get("--kubernetes")),
        options.containsKey("--kubeconfig") ? Path.of(options.get("--kubeconfig")) : null);
  }

  private static Duration interval(String raw) {
    String text = raw.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d = text.endsWith("m") ? Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)))
          : Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
      if (d.toSeconds() >= 1 && d.toSeconds() <= 3600) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--interval must be 1s to 3600s, for example 30s or 1m");
  }

  private static Mode mode(String option, String raw) {
    if (raw == null) {
      return Mode.AUTO;
    }
    try {
      return Mode.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be auto, on or off");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
