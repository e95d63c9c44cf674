package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.ApiToken;
import dev.pulse.domain.security.Scope;
import dev.pulse.http.AccessTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/security/tokens}: list, issue and revoke scoped API tokens. An issued token is in
 * the answer to its creation only. Internal: not API.
 */
public final class TokenRoutes {

  private static final int MAX_DAYS = 3650;

  private final AccessTokens tokens;
  private final RequestBodies bodies;

  public TokenRoutes(AccessTokens tokens, ObjectMapper json, long maxBodyBytes) {
    this.tokens = tokens;
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  /** What a new token is for: a name, its scopes, and optionally how many days it works. */
  public record TokenRequest(String name, List<String> scopes, Integer expiresInDays) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/security/tokens", this::list, Access.USERS_READ);
    routes.post("/api/security/tokens", this::issue, Access.USERS_WRITE);
    routes.delete("/api/security/tokens/{id}", this::revoke, Access.USERS_WRITE);
  }

  private void list(Context ctx) {
    ctx.json(Map.of("tokens", tokens.list().stream().sorted(Comparator.comparing(ApiToken::createdAt))
        .map(TokenRoutes::json).toList()));
  }

  private void issue(Context ctx) {
    TokenRequest request = bodies.read(ctx, TokenRequest.class);
    if (request.scopes() == null || request.scopes().isEmpty()) {
      throw ProblemException.badField("scopes", "at least one scope is required");
    }
    Set<Scope> scopes = scopes(request.scopes(), "scopes");
    Integer days = request.expiresInDays();
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw ProblemException.badField("expiresInDays", "expiresInDays must be between 1 and " + MAX_DAYS);
    }
    AccessTokens.Issued issued = tokens.issue(AccessGuard.actor(ctx), request.name(), scopes,
        days == null ? null : Duration.ofDays(days));
    Map<String, Object> body = json(issued.record());
    body.put("token", issued.token());
    ctx.status(201).json(body);
  }

  /** Scope names from a request, a 400 naming {@code field[i]} for one that is unknown. */
  static Set<Scope> scopes(List<String> names, String field) {
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    if (names == null) {
      return out;
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int at = i;
      out.add(Scope.fromWireName(name == null ? "" : name.strip()).orElseThrow(() -> ProblemException.badField(
          field + "[" + at + "]", "unknown scope '" + name + "'; known: " + String.join(", ",
              EnumSet.allOf(Scope.class).stream().map(Scope::wireName).toList()))));
    }
    return out;
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!tokens.revoke(AccessGuard.actor(ctx), id)) {
      throw new ProblemException(404, "Not found", "no token with id " + id, "id");
    }
    ctx.status(204);
  }

  private static Map<String, Object> json(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("hint", "…" + t.hint());
    m.put("scopes", t.scopes().stream().sorted().map(Scope::wireName).toList());
    m.put("createdAt", t.createdAt().toString());
    m.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
    m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
    return m;
  }
}
