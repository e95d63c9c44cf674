package dev.pulse.simulators.truenas;

import static dev.pulse.simulators.internal.JsonExchange.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.simulators.internal.SimulatorTls;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TrueNAS SCALE API: JSON-RPC 2.0 over a WebSocket at {@code /api/current} (log in with {@code
 * auth.login_ex}, then call methods) and the older REST API at {@code /api/v2.0} with {@code
 * Authorization: Bearer}. HTTPS with the simulators' self-signed certificate, or plain HTTP when
 * asked, to show that clients never send the key in clear text: it counts keys it saw there (real
 * TrueNAS revokes them). Over the WebSocket, {@code core.subscribe} to {@code reporting.realtime}
 * or {@code app.stats} pushes a {@code collection_update} at once and every 2 s after. Faults: slow
 * calls, auth failure, malformed frames, dropped sockets.
 */
public final class TrueNasSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrueNasSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorTls tls = SimulatorTls.load();
  private final TrueNasFleet fleet;
  private final String apiKey;
  private final boolean plaintext;
  private final boolean websocket;
  private final Javalin app;
  private final Set<WsContext> sessions = ConcurrentHashMap.newKeySet();
  private final Set<String> authenticated = ConcurrentHashMap.newKeySet();
  private final AtomicInteger keysInClearText = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<WsContext, Set<String>> subscribed = new ConcurrentHashMap<>();
  private final ScheduledExecutorService pusher;
  private volatile boolean authFailure;
  private volatile boolean malformed;
  private volatile Duration latency = Duration.ZERO;

  private TrueNasSimulator(Builder b) {
    this.fleet = new TrueNasFleet(b.clock, b.address);
    this.apiKey = b.apiKey;
    this.plaintext = b.plaintext;
    this.websocket = b.websocket;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      if (!plaintext) {
        config.jetty.addConnector((server, http) -> {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setSslContext(tls.context());
          ServerConnector connector = new ServerConnector(server, ssl);
          connector.setHost("127.0.0.1");
          connector.setPort(b.port);
          return connector;
        });
      } else {
        config.jetty.host = "127.0.0.1";
      }
      config.routes.get("/api/v2.0/system/info", ctx -> rest(ctx, "system.info"));
      config.routes.get("/api/v2.0/boot/get_state", ctx -> rest(ctx, "boot.get_state"));
      config.routes.get("/api/v2.0/pool", ctx -> rest(ctx, "pool.query"));
      config.routes.get("/api/v2.0/pool/dataset", ctx -> rest(ctx, "pool.dataset.query"));
      config.routes.get("/api/v2.0/disk", ctx -> rest(ctx, "disk.query"));
      config.routes.post("/api/v2.0/disk/temperatures", ctx -> rest(ctx, "disk.temperatures"));
      config.routes.get("/api/v2.0/alert/list", ctx -> rest(ctx, "alert.list"));
      config.routes.get("/api/v2.0/zfs/snapshot", ctx -> rest(ctx, "zfs.snapshot.query"));
      config.routes.get("/api/v2.0/replication", ctx -> rest(ctx, "replication.query"));
      config.routes.get("/api/v2.0/app", ctx -> rest(ctx, "app.query"));
      config.routes.get("/api/v2.0/vm", ctx -> rest(ctx, "vm.query"));
      config.routes.get("/api/v2.0/smart/test/results", ctx -> rest(ctx, "smart.test.results"));
      config.routes.get("/api/v2.0/network/general/summary", ctx -> rest(ctx, "network.general.summary"));
      config.routes.get("/api/v2.0/sharing/smb", ctx -> rest(ctx, "sharing.smb.query"));
      config.routes.get("/api/v2.0/sharing/nfs", ctx -> rest(ctx, "sharing.nfs.query"));
      if (websocket) {
        config.routes.ws("/api/current", ws -> {
          ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(Duration.ofMinutes(10));
            sessions.add(ctx);
          });
          ws.onClose(ctx -> {
            sessions.remove(ctx);
            subscribed.remove(ctx);
            authenticated.remove(ctx.sessionId());
          });
          ws.onMessage(ctx -> rpc(ctx, ctx.message()));
        });
      } else {
        config.routes.get("/api/current", ctx -> ctx.redirect("/ui/")); // what TrueNAS CORE answers
      }
    }).start(plaintext ? b.port : 0);
    this.pusher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "truenas-sim-events-" + app.port()));
    pusher.scheduleAtFixedRate(this::pushEvents, 2, 2, TimeUnit.SECONDS); // TrueNAS's default interval
    LOG.info("TrueNAS simulator listening on {}", baseUrl());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code https://127.0.0.1:PORT}, or {@code http://} when plain. */
  public URI baseUrl() {
    return URI.create((plaintext ? "http" : "https") + "://127.0.0.1:" + app.port());
  }

  public String fingerprint() {
    return tls.fingerprint();
  }

  /** How many times a client sent the API key over plain HTTP or WS; real TrueNAS revokes such keys. */
  public int keysSeenInClearText() {
    return keysInClearText.get();
  }

  public int callCount() {
    return calls.get();
  }

  /** While set, every login and every REST call is refused, as after the key was revoked. */
  public void setAuthFailure(boolean failing) {
    this.authFailure = failing;
  }

  /** While set, answers are not JSON. */
  public void setMalformedFrames(boolean on) {
    this.malformed = on;
  }

  public void setLatency(Duration latency) {
    this.latency = latency;
  }

  /** Closes every WebSocket, as a restart of the middleware does. */
  public void dropSockets() {
    for (WsContext ctx : List.copyOf(sessions)) {
      ctx.closeSession(1001, "going away");
    }
  }

  private void rest(Context ctx, String method) throws InterruptedException {
    calls.incrementAndGet();
    String auth = ctx.header("Authorization");
    if (plaintext && auth != null) {
      keysInClearText.incrementAndGet();
    }
    Thread.sleep(latency.toMillis());
    if (authFailure || auth == null || !auth.equals("Bearer " + apiKey)) {
      ctx.status(401).contentType("text/plain").result("Unauthorized");
      return;
    }
    if (malformed) {
      ctx.contentType("application/json").result("{\"truncated\": [1, 2");
      return;
    }
    ctx.json(answer(method));
  }

  private void rpc(WsContext ctx, String text) throws InterruptedException {
    calls.incrementAndGet();
    JsonNode request;
    try {
      request = JSON.readTree(text);
    } catch (IOException e) {
      send(ctx, map("jsonrpc", "2.0", "id", null, "error", map("code", -32700, "message", "Parse error")));
      return;
    }
    Object id = JSON.convertValue(request.path("id"), Object.class);
    String method = request.path("method").asText("");
    Thread.sleep(latency.toMillis());
    if (malformed) {
      ctx.send("{\"jsonrpc\": \"2.0\", \"id\": " + id + ", \"result\": [");
      return;
    }
    if (method.equals("auth.login_ex")) {
      if (plaintext) {
        keysInClearText.incrementAndGet();
      }
      JsonNode login = request.path("params").path(0);
      boolean ok = !authFailure && "API_KEY_PLAIN".equals(login.path("mechanism").asText())
          && apiKey.equals(login.path("api_key").asText());
      if (ok) {
        authenticated.add(ctx.sessionId());
      }
      send(ctx, map("jsonrpc", "2.0", "id", id, "result", map("response_type", ok ? "SUCCESS" : "AUTH_ERR")));
      return;
    }
    if (method.equals("auth.login_with_api_key")) { // the pre-25.04 call, still answered
      if (plaintext) {
        keysInClearText.incrementAndGet();
      }
      boolean ok = !authFailure && apiKey.equals(request.path("params").path(0).asText());
      if (ok) {
        authenticated.add(ctx.sessionId());
      }
      send(ctx, map("jsonrpc", "2.0", "id", id, "result", ok));
      return;
    }
    if (!authenticated.contains(ctx.sessionId())) {
      send(ctx, map("jsonrpc", "2.0", "id", id, "error", map("code", -32001, "message", "method call error",
          "data", map("errname", "EACCES", "reason", "Not authenticated"))));
      return;
    }
    if (method.equals("core.subscribe")) {
      String source = request.path("params").path(0).asText("");
      if (event(source) == null) {
        send(ctx, map("jsonrpc", "2.0", "id", id, "error", map("code", -32001, "message", "method call error",
            "data", map("errname", "ENOENT", "reason", "Event source " + source + " not found"))));
        return;
      }
      subscribed.computeIfAbsent(ctx, k -> ConcurrentHashMap.newKeySet()).add(source);
      send(ctx, map("jsonrpc", "2.0", "id", id, "result", source + "-" + ctx.sessionId()));
      push(ctx, source); // the first figures at once, then every 2 s
      return;
    }
    Object result = answer(method);
    send(ctx, result == null
        ? map("jsonrpc", "2.0", "id", id, "error", map("code", -32601, "message", "Method not found"))
        : map("jsonrpc", "2.0", "id", id, "result", result));
  }

  private Object event(String source) {
    return switch (source) {
      case "reporting.realtime" -> fleet.realtime();
      case "app.stats" -> fleet.appStats();
      default -> null;
    };
  }

  private void pushEvents() {
    subscribed.forEach((ctx, sources) -> sources.forEach(source -> push(ctx, source)));
  }

  private void push(WsContext ctx, String source) {
    try {
      send(ctx, map("jsonrpc", "2.0", "method", "collection_update",
          "params", map("msg", "added", "collection", source, "fields", event(source))));
    } catch (RuntimeException e) { // the socket closed meanwhile
      subscribed.remove(ctx);
    }
  }

  private Object answer(String method) {
    return switch (method) {
      case "system.info" -> fleet.systemInfo();
      case "boot.get_state" -> fleet.bootPool();
      case "pool.query" -> fleet.pools();
      case "pool.dataset.query" -> fleet.datasets();
      case "disk.query" -> fleet.disks();
      case "disk.temperatures" -> fleet.temperatures();
      case "alert.list" -> fleet.alerts();
      case "zfs.snapshot.query" -> fleet.snapshots();
      case "replication.query" -> fleet.replications();
      case "app.query" -> fleet.apps();
      case "vm.query" -> fleet.vms();
      case "smart.test.results" -> fleet.smartResults();
      case "network.general.summary" -> fleet.networkSummary();
      case "sharing.smb.query" -> fleet.smbShares();
      case "sharing.nfs.query" -> fleet.nfsShares();
      default -> null;
    };
  }

  private static void send(WsContext ctx, Map<String, Object> message) {
    try {
      ctx.send(JSON.writeValueAsString(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    pusher.shutdownNow();
    app.stop();
  }

  /** Configures a {@link TrueNasSimulator}. */
  public static final class Builder {
    private String apiKey = "1-simulatorkey";
    private Clock clock = Clock.systemUTC();
    private boolean plaintext;
    private boolean websocket = true;
    private int port;
    private String address = "10.0.0.40";

    private Builder() {}

    /** The box's LAN address, as {@code network.general.summary} lists it (default 10.0.0.40). */
    public Builder address(String ipv4) {
      this.address = ipv4;
      return this;
    }

    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Serve plain HTTP and WS instead of HTTPS: only to prove clients refuse it. */
    public Builder plaintext(boolean plain) {
      this.plaintext = plain;
      return this;
    }

    /** Whether the JSON-RPC WebSocket exists (SCALE); without it only REST answers, as on CORE. */
    public Builder websocket(boolean enabled) {
      this.websocket = enabled;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public TrueNasSimulator start() {
      return new TrueNasSimulator(this);
    }
  }
}
