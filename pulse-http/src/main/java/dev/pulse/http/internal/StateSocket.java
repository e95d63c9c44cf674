package dev.pulse.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.resource.Resource;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.StateChange;
import dev.pulse.engine.StateSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} state stream. A client gets {@code initialState} (every resource and the
 * version) on connect, then {@code delta} messages ({@code upserts}, {@code removed}, {@code
 * version}) that coalesce the registry's changes over about 100 ms: a resource changed five times
 * in that window is sent once. Upserts carry whole resources, so applying one twice is harmless.
 *
 * <p>Thread-safe. Owns the {@code pulse-ws-flush} thread; {@link #close()} stops it. Internal: not API.
 */
public final class StateSocket implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StateSocket.class);
  private static final long FLUSH_MILLIS = 100;

  private final PulseEngine engine;
  private final ObjectMapper json;
  private final Object lock = new Object();
  /** A connected client and the version of the state it has seen. */
  private record Session(WsContext ctx, long initialVersion) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Resource> pendingUpserts = new LinkedHashMap<>();
  private final Set<String> pendingRemovals = new LinkedHashSet<>();
  /**
   * Changes as the registry emits them. The registry calls its listeners under its own lock, so the
   * listener only enqueues: taking this socket's lock there would invert the lock order of {@link
   * #connect}, which holds this socket's lock while it reads a registry snapshot.
   */
  private final ConcurrentLinkedQueue<StateChange> incoming = new ConcurrentLinkedQueue<>();
  private final Consumer<StateChange> listener = incoming::add;
  private final ConcurrentLinkedQueue<AlertEvent> alertEvents = new ConcurrentLinkedQueue<>();
  private final Consumer<AlertEvent> alertListener = alertEvents::add;
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulse-ws-flush");
    t.setDaemon(true);
    return t;
  });
  private long pendingVersion;

  public StateSocket(PulseEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.ws("/ws", ws -> {
      ws.onConnect(this::connect);
      ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
      ws.onError(ctx -> sessions.remove(ctx.sessionId()));
      ws.onMessage(ctx -> { }); // clients have nothing to say yet; pings are answered by Jetty
    });
  }

  public void start() {
    // under the registry's lock, not through a Subscription: a new socket's initial state and the
    // deltas after it must be taken in one step (see connect)
    engine.registry().addListener(listener);
    engine.alerts().subscribe(alertListener);
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void connect(WsContext ctx) {
    ctx.enableAutomaticPings(30, TimeUnit.SECONDS);
    synchronized (lock) { // no delta can be flushed between the snapshot and the registration
      drain();
      StateSnapshot snapshot = engine.registry().snapshot();
      sendAlertEvents(); // to the sessions there already; the initial state below holds the alerts as they are now
      send(ctx, message("initialState", Map.of(
          "resources", snapshot.resources().stream().map(ResourceJson::of).toList(),
          "alerts", engine.alerts().active().stream().map(AlertJson::of).toList(),
          "version", snapshot.version())));
      sessions.put(ctx.sessionId(), new Session(ctx, snapshot.version()));
    }
  }

  /** Sends the queued alert changes as {@code alert} and {@code alertResolved}. Called with {@link #lock} held. */
  private void sendAlertEvents() {
    AlertEvent event;
    while ((event = alertEvents.poll()) != null) {
      String text = message(event.type().ends() ? "alertResolved" : "alert", Map.of("event", event.type().wireName(),
          "alert", AlertJson.of(event.alert())));
      sessions.values().forEach(s -> send(s.ctx(), text));
    }
  }

  /** Folds the queued changes into the pending delta. Called with {@link #lock} held. */
  private void drain() {
    StateChange change;
    while ((change = incoming.poll()) != null) {
      for (Resource r : change.upserts()) {
        pendingRemovals.remove(r.id());
        pendingUpserts.put(r.id(), r);
      }
      for (String id : change.removed()) {
        pendingUpserts.remove(id);
        pendingRemovals.add(id);
      }
      pendingVersion = change.version();
    }
  }

  private void flush() {
    try {
      synchronized (lock) {
        sendAlertEvents();
        drain();
        if (pendingUpserts.isEmpty() && pendingRemovals.isEmpty()) {
          return;
        }
        String delta = message("delta", Map.of(
            "upserts", pendingUpserts.values().stream().map(ResourceJson::of).toList(),
            "removed", new ArrayList<>(pendingRemovals),
            "version", pendingVersion));
        pendingUpserts.clear();
        pendingRemovals.clear();
        // a client whose initial state already holds every change of this delta does not need it
        List<Session> targets = new ArrayList<>(sessions.values());
        targets.stream().filter(s -> pendingVersion > s.initialVersion()).forEach(s -> send(s.ctx(), delta));
      }
    } catch (RuntimeException e) {
      LOG.warn("flushing state deltas failed", e);
    }
  }

  private void send(WsContext ctx, String text) {
    try {
      if (ctx.session.isOpen()) {
        ctx.send(text);
      } else {
        sessions.remove(ctx.sessionId());
      }
    } catch (RuntimeException e) {
      LOG.debug("dropping WebSocket session {}: {}", ctx.sessionId(), e.toString());
      sessions.remove(ctx.sessionId());
    }
  }

  /** The envelope, {@code type} always first, so a client can dispatch before reading a large {@code data}. */
  record Envelope(String type, Object data) {}

  private String message(String type, Object data) {
    try {
      return json.writeValueAsString(new Envelope(type, data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + type + " message", e);
    }
  }

  @Override
  public void close() {
    engine.registry().removeListener(listener);
    engine.alerts().unsubscribe(alertListener);
    flusher.shutdownNow();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
