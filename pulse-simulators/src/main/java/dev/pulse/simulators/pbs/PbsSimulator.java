package dev.pulse.simulators.pbs;

import static dev.pulse.simulators.internal.JsonExchange.map;

import com.sun.net.httpserver.HttpExchange;
import dev.pulse.simulators.ProxmoxSimulatorBuilder;
import dev.pulse.simulators.SingleEndpointSimulator;
import dev.pulse.simulators.internal.JsonExchange;
import dev.pulse.simulators.internal.ProxmoxAccess;
import dev.pulse.simulators.internal.SimulatorRuntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS server that speaks the Proxmox Backup Server API ({@code :8007/api2/json}) for a
 * simulated server. Callers authenticate with {@code PBSAPIToken=USER@REALM!TOKENNAME:SECRET} (a
 * colon, unlike PVE) or a {@code PBSAuthCookie} ticket. Thread-safe; owns its threads ({@code
 * pbs-sim-N}) and stops them in {@link #close()}.
 */
public final class PbsSimulator extends SingleEndpointSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(PbsSimulator.class);
  private static final Pattern STORE_PATH = Pattern.compile("/admin/datastore/([^/]+)/(groups|snapshots|namespace|status)");
  /** The paths served besides a datastore's own ({@link #STORE_PATH}); the list in docs/simulators.md. */
  static final Set<String> SERVED = Set.of("/version", "/access/permissions", "/nodes", "/nodes/localhost/status",
      "/nodes/localhost/tasks", "/status/datastore-usage", "/admin/datastore", "/config/datastore", "/admin/gc", "/admin/verify",
      "/admin/sync", "/admin/prune");

  private final PbsFleet fleet;
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();

  private PbsSimulator(Builder b) {
    super("pbs-sim", b.access());
    this.fleet = new PbsFleet(b.clockForScenario());
    listen(b.address());
    LOG.info("PBS simulator listening on {} (certificate SHA-256 {})", baseUrl(), fingerprint());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many requests have been made to paths starting with the prefix. */
  public int requestCount(String pathPrefix) {
    return requestsByPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  @Override
  protected void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String apiPath = path.startsWith("/api2/json") ? path.substring("/api2/json".length()) : path;
      requestsByPath.computeIfAbsent(apiPath, k -> new AtomicInteger()).incrementAndGet();
      if (SimulatorRuntime.delayAndAnswerFault(exchange, endpoint())) {
        return;
      }
      ProxmoxAccess.Principal principal = access().admit(exchange, apiPath);
      if (principal == null) {
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        JsonExchange.notServed(exchange, "PBS", exchange.getRequestMethod(), apiPath);
        return;
      }
      Matcher store = STORE_PATH.matcher(apiPath);
      if (!SERVED.contains(apiPath) && !store.matches()) {
        JsonExchange.notServed(exchange, "PBS", "GET", apiPath);
        return;
      }
      Object data = route(apiPath, SimulatorRuntime.form(exchange.getRequestURI().getRawQuery()), principal.privileged());
      JsonExchange.send(exchange, data == null ? 404 : 200, map("data", data)); // an unavailable datastore
    }
  }

  private Object route(String path, Map<String, String> query, boolean privileged) {
    if (path.equals("/access/permissions")) {
      return privileged ? Map.of("/", Map.of("Sys.Audit", true, "Datastore.Audit", true),
          "/datastore", Map.of("Datastore.Audit", true), "/system", Map.of("Sys.Audit", true)) : Map.of();
    }
    Matcher store = STORE_PATH.matcher(path);
    return switch (path) {
      case "/version" -> fleet.version();
      case "/nodes/localhost/status" -> fleet.nodeStatus(fingerprint());
      case "/status/datastore-usage" -> privileged ? fleet.datastoreUsage()
          : fleet.datastoreUsage().stream().map(s -> Map.of("store", ((Map<?, ?>) s).get("store"))).toList();
      case "/admin/datastore" -> fleet.datastores();
      case "/admin/gc" -> fleet.gcJobs();
      case "/admin/verify" -> fleet.verifyJobs();
      case "/admin/sync" -> fleet.syncJobs();
      case "/admin/prune" -> fleet.pruneJobs();
      case "/nodes" -> List.of(map("node", "localhost", "status", "online"));
      case "/nodes/localhost/tasks" -> fleet.tasks();
      case "/config/datastore" -> fleet.datastores().stream().map(d -> map("name", ((Map<?, ?>) d).get("store"),
          "path", "/mnt/datastore/" + ((Map<?, ?>) d).get("store"), "comment", ((Map<?, ?>) d).get("comment"))).toList();
      default -> store.matches() ? storePath(store.group(1), store.group(2), query) : null;
    };
  }

  private Object storePath(String store, String what, Map<String, String> query) {
    if (!fleet.available(store)) {
      return null;
    }
    return switch (what) {
      case "namespace" -> List.of(map("ns", ""));
      case "groups" -> fleet.groups(store);
      case "status" -> fleet.datastoreStatus(store);
      case "snapshots" -> fleet.snapshots(store, query.get("backup-type"), query.get("backup-id"));
      default -> null;
    };
  }

  /** Configures a {@link PbsSimulator}. */
  public static final class Builder extends ProxmoxSimulatorBuilder<Builder> {

    private Builder() {}

    private ProxmoxAccess access() {
      return access("PBS", ':', "pulse@pbs!monitor");
    }

    private InetSocketAddress address() {
      return listenAddress();
    }

    private Clock clockForScenario() {
      return scenarioClock();
    }

    public PbsSimulator start() {
      return new PbsSimulator(this);
    }
  }
}
