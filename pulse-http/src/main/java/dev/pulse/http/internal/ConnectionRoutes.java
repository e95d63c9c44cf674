package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.InvalidConnectionException;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.SourceHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/connections}: list, test, create and delete platform connections. Token secrets and
 * passwords are write-only: answers say only that one is set. Internal: not API.
 */
public final class ConnectionRoutes {

  private final PulseEngine engine;
  private final RequestBodies bodies;

  public ConnectionRoutes(PulseEngine engine, ObjectMapper json, long maxBodyBytes) {
    this.engine = engine;
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  /** The wire form of a connection, with its polling health. Secrets are never part of it. */
  public record ConnectionJson(String id, String type, String name, String url, List<String> endpoints, String authType,
      String tokenId, String username, boolean secretSet, List<String> fingerprints, boolean verifyTls,
      IntervalsJson intervals, String status, String lastSuccess, String lastError, int resourceCount,
      Boolean allowInsecureTransport, List<String> warnings) {}

  /** Seconds between polls per tier; {@code null} where the default applies. */
  public record IntervalsJson(Long fast, Long slow, Long disks) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/connections", this::list, Access.CONNECTIONS_READ);
    routes.post("/api/connections", this::create, Access.CONNECTIONS_WRITE);
    routes.post("/api/connections/test", this::test, Access.CONNECTIONS_WRITE);
    routes.get("/api/connections/{id}", this::one, Access.CONNECTIONS_READ);
    routes.delete("/api/connections/{id}", this::delete, Access.CONNECTIONS_WRITE);
  }

  private void list(Context ctx) {
    Map<String, SourceHealth> health = health();
    ctx.json(Map.of("connections", engine.connections().list().stream().map(c -> json(c, health.get(c.id()))).toList()));
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    ConnectionConfig c = engine.connections().get(id)
        .orElseThrow(() -> new ProblemException(404, "Not found", "no connection with id " + id, "id"));
    ctx.json(json(c, health().get(id)));
  }

  private void create(Context ctx) {
    ConnectionDraft draft = bodies.read(ctx, ConnectionDraft.class);
    ConnectionConfig created;
    try {
      created = engine.connections().create(draft);
    } catch (InvalidConnectionException e) {
      throw ProblemException.badField(e.field(), e.getMessage());
    }
    ctx.status(201).header("Location", "/api/connections/" + created.id()).json(json(created, null));
  }

  private void test(Context ctx) {
    ConnectionDraft draft = bodies.read(ctx, ConnectionDraft.class);
    try {
      ctx.json(engine.connections().test(draft));
    } catch (InvalidConnectionException e) {
      throw ProblemException.badField(e.field(), e.getMessage());
    }
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!engine.connections().delete(id)) {
      throw new ProblemException(404, "Not found", "no connection with id " + id, "id");
    }
    ctx.status(204);
  }

  private static Long seconds(java.time.Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private Map<String, SourceHealth> health() {
    return engine.registry().sourceHealth().stream().collect(Collectors.toMap(SourceHealth::sourceId, Function.identity()));
  }

  private static ConnectionJson json(ConnectionConfig c, SourceHealth h) {
    Credentials creds = c.credentials();
    return new ConnectionJson(c.id(), c.type().wireName(), c.name(), c.url().toString(),
        c.endpoints().stream().map(URI::toString).toList(), creds.kind(),
        creds instanceof Credentials.ApiToken t ? t.tokenId() : null,
        creds instanceof Credentials.UserPassword u ? u.username() : null, true,
        c.fingerprints().stream().map(CertificateFingerprint::display).sorted().toList(), c.verifyTls(),
        new IntervalsJson(seconds(c.intervals().fast()), seconds(c.intervals().slow()), seconds(c.intervals().disks())),
        h == null || (h.lastSuccess() == null && h.lastError() == null) ? "pending" : h.status().wireName(),
        h == null || h.lastSuccess() == null ? null : h.lastSuccess().toString(),
        h == null ? null : h.lastError(), h == null ? 0 : h.resourceCount(),
        creds instanceof Credentials.ApiKey k ? k.allowInsecureTransport() : null, h == null ? List.of() : h.warnings());
  }
}
