package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.User;
import dev.pulse.http.AccountDirectory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/security/users} and {@code /api/security/roles}: accounts and roles. Nobody can give
 * more than they have: a role granted, or a custom role saved, must not allow a scope the caller
 * lacks. Internal: not API.
 */
public final class UserRoutes {

  private final AccountDirectory directory;
  private final RequestBodies bodies;

  public UserRoutes(AccountDirectory directory, ObjectMapper json, long maxBodyBytes) {
    this.directory = directory;
    this.bodies = new RequestBodies(json, Math.min(maxBodyBytes, 16 * 1024));
  }

  public record UserBody(String username, String password, List<String> roles, Boolean disabled) {}

  public record RoleBody(String description, List<String> allow, List<String> deny) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/security/users", ctx -> ctx.json(Map.of("users", directory.users().stream().map(UserRoutes::json).toList())),
        Access.USERS_READ);
    routes.post("/api/security/users", this::create, Access.USERS_WRITE);
    routes.put("/api/security/users/{id}", this::update, Access.USERS_WRITE);
    routes.delete("/api/security/users/{id}", this::delete, Access.USERS_WRITE);
    routes.get("/api/security/roles", ctx -> ctx.json(Map.of("roles", directory.roles().stream().map(UserRoutes::json).toList(),
        "scopes", Arrays.stream(Scope.values()).map(Scope::wireName).toList())), Access.USERS_READ);
    routes.put("/api/security/roles/{name}", this::saveRole, Access.USERS_WRITE);
    routes.delete("/api/security/roles/{name}", this::deleteRole, Access.USERS_WRITE);
  }

  private void create(Context ctx) {
    UserBody b = bodies.read(ctx, UserBody.class);
    Set<String> roles = grantable(ctx, b.roles());
    ctx.status(201).json(json(directory.create(b.username(), b.password(), roles)));
  }

  private void update(Context ctx) {
    UserBody b = bodies.read(ctx, UserBody.class);
    String id = ctx.pathParam("id");
    User user = directory.user(id).orElseThrow(() -> new ProblemException(404, "Not found", "there is no account " + id, "id"));
    Set<String> roles = b.roles() == null ? null : grantable(ctx, b.roles());
    ctx.json(json(directory.update(user.id(), roles, b.disabled() == null ? user.disabled() : b.disabled(), b.password())));
  }

  private void delete(Context ctx) {
    if (!directory.delete(ctx.pathParam("id"))) {
      throw new ProblemException(404, "Not found", "there is no account " + ctx.pathParam("id"), "id");
    }
    ctx.status(204);
  }

  private void saveRole(Context ctx) {
    RoleBody b = bodies.read(ctx, RoleBody.class);
    Set<Scope> allow = TokenRoutes.scopes(b.allow(), "allow");
    AccessGuard.Caller caller = AccessGuard.caller(ctx).orElseThrow();
    for (Scope s : allow) {
      if (!caller.allows(s)) {
        throw new ProblemException(403, "Forbidden", "you cannot make a role allow " + s.wireName() + ": you lack it", "allow");
      }
    }
    ctx.json(json(directory.save(new Role(ctx.pathParam("name"), b.description(), allow, TokenRoutes.scopes(b.deny(), "deny"), false))));
  }

  private void deleteRole(Context ctx) {
    if (!directory.deleteRole(ctx.pathParam("name"))) {
      throw new ProblemException(404, "Not found", "there is no role " + ctx.pathParam("name"), "name");
    }
    ctx.status(204);
  }

  /** The roles, checked to allow nothing the caller lacks. */
  private Set<String> grantable(Context ctx, List<String> roles) {
    if (roles == null) {
      return null;
    }
    AccessGuard.Caller caller = AccessGuard.caller(ctx).orElseThrow();
    for (int i = 0; i < roles.size(); i++) {
      String name = roles.get(i);
      Role role = directory.role(name).orElseThrow(() -> ProblemException.badField("roles", "there is no role " + name));
      for (Scope s : Role.effective(List.of(role))) {
        if (!caller.allows(s)) {
          throw new ProblemException(403, "Forbidden", "you cannot grant " + role.name() + ": it allows " + s.wireName()
              + ", which you lack", "roles[" + i + "]");
        }
      }
    }
    return Set.copyOf(roles);
  }

  static Map<String, Object> json(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("username", u.username());
    m.put("roles", u.roles().stream().sorted().toList());
    m.put("source", u.source());
    m.put("hasPassword", u.passwordHash() != null);
    m.put("createdAt", u.createdAt().toString());
    m.put("lastLoginAt", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
    m.put("disabled", u.disabled());
    return m;
  }

  static Map<String, Object> json(Role r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("description", r.description());
    m.put("allow", r.allow().stream().map(Scope::wireName).sorted().toList());
    m.put("deny", r.deny().stream().map(Scope::wireName).sorted().toList());
    m.put("builtIn", r.builtIn());
    return m;
  }
}
