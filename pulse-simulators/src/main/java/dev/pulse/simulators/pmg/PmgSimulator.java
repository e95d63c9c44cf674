package dev.pulse.simulators.pmg;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS server that speaks the Proxmox Mail Gateway API ({@code :8006/api2/json}) for a simulated
 * two-node cluster. PMG has no API tokens: callers log in for a {@code PMGAuthCookie} ticket.
 * Thread-safe; owns its threads ({@code pmg-sim-N}) and stops them in {@link #close()}.
 */
public final class PmgSimulator extends SingleEndpointSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(PmgSimulator.class);
  private static final Pattern QUEUE = Pattern.compile("/nodes/([^/]+)/postfix/queue/([a-z]+)");
  private static final Pattern QUEUE_INDEX = Pattern.compile("/nodes/([^/]+)/postfix/queue");
  private static final Pattern QSHAPE = Pattern.compile("/nodes/([^/]+)/postfix/qshape");
  private static final Pattern NODE_STATUS = Pattern.compile("/nodes/([^/]+)/status");

  private final PmgFleet fleet;

  private PmgSimulator(Builder b) {
    super("pmg-sim", b.access());
    this.fleet = new PmgFleet(b.clockForScenario());
    listen(b.address());
    LOG.info("PMG simulator listening on {} (certificate SHA-256 {})", baseUrl(), fingerprint());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (SimulatorRuntime.delayAndAnswerFault(exchange, endpoint())) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String apiPath = path.startsWith("/api2/json") ? path.substring("/api2/json".length()) : path;
      if (access().admit(exchange, apiPath) == null) {
        return;
      }
      Map<String, String> query = SimulatorRuntime.form(exchange.getRequestURI().getRawQuery());
      Matcher queue = QUEUE.matcher(apiPath);
      Matcher queueIndex = QUEUE_INDEX.matcher(apiPath);
      Matcher qshape = QSHAPE.matcher(apiPath);
      Matcher nodeStatus = NODE_STATUS.matcher(apiPath);
      if (!exchange.getRequestMethod().equals("GET")) {
        JsonExchange.notServed(exchange, "PMG", exchange.getRequestMethod(), apiPath);
        return;
      }
      if (queue.matches() && PmgFleet.NODES.contains(queue.group(1))) {
        JsonExchange.send(exchange, 200, map("data", fleet.queueEntries(queue.group(1), queue.group(2)),
            "total", fleet.queueTotal(queue.group(1), queue.group(2)))); // total counts recipients
        return;
      }
      Object data = switch (apiPath) {
        case "/version" -> fleet.version();
        case "/config/cluster/status" -> "1".equals(query.get("list_single_node")) || PmgFleet.NODES.size() > 1
            ? fleet.clusterStatus(fingerprint()) : List.of();
        case "/statistics/mail" -> fleet.mailStatistics();
        case "/quarantine/spamstatus" -> fleet.spamStatus();
        case "/nodes" -> fleet.nodes(fingerprint());
        default -> queueIndex.matches() ? List.of(map("name", "deferred"), map("name", "active"), map("name", "incoming"),
            map("name", "hold"))
            : qshape.matches() ? fleet.qshape(qshape.group(1))
            : nodeStatus.matches() ? fleet.nodeStatus(nodeStatus.group(1), fingerprint()) : null;
      };
      if (data == null) {
        JsonExchange.notServed(exchange, "PMG", "GET", apiPath);
      } else {
        JsonExchange.send(exchange, 200, map("data", data));
      }
    }
  }

  /** Configures a {@link PmgSimulator}. PMG takes users only: tokens given here are refused. */
  public static final class Builder extends ProxmoxSimulatorBuilder<Builder> {

    private Builder() {}

    private ProxmoxAccess access() {
      ProxmoxAccess a = access("PMG", (char) 0, "unused@pmg!none");
      return a;
    }

    private InetSocketAddress address() {
      return listenAddress();
    }

    private Clock clockForScenario() {
      return scenarioClock();
    }

    public PmgSimulator start() {
      return new PmgSimulator(this);
    }
  }
}
