package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.User;
import dev.pulse.http.AccountDirectory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/security/users} and {@code /api/security/roles}: accounts and roles, through {@link
 * AccountDirectory}, which judges each change by the caller and its target. A change to an account
 * is audited with both names. Internal: not API.
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
    ctx.status(201).json(json(directory.create(AccessGuard.actor(ctx), b.username(), b.password(), b.roles())));
  }

  private void update(Context ctx) {
    UserBody b = bodies.read(ctx, UserBody.class);
    User user = existing(ctx);
    User changed = directory.update(AccessGuard.actor(ctx), user.id(), b.roles(), b.disabled(), b.password());
    List<String> what = new ArrayList<>();
    if (b.password() != null) {
      what.add("password reset, sessions ended");
    }
    if (b.roles() != null) {
      what.add("roles " + changed.roles().stream().sorted().toList());
    }
    if (b.disabled() != null) {
      what.add(changed.disabled() ? "turned off" : "turned on");
    }
    ctx.attribute(AuditHook.DETAIL, "account " + user.username() + (what.isEmpty() ? "" : ": " + String.join("; ", what)));
    ctx.json(json(changed));
  }

  private void delete(Context ctx) {
    User user = existing(ctx);
    directory.delete(AccessGuard.actor(ctx), user.id());
    ctx.attribute(AuditHook.DETAIL, "account " + user.username() + " removed");
    ctx.status(204);
  }

  private User existing(Context ctx) {
    String id = ctx.pathParam("id");
    User user = directory.user(id).orElseThrow(() -> new ProblemException(404, "Not found", "there is no account " + id, "id"));
    ctx.attribute(AuditHook.DETAIL, "account " + user.username());
    return user;
  }

  private void saveRole(Context ctx) {
    RoleBody b = bodies.read(ctx, RoleBody.class);
    Role role = new Role(ctx.pathParam("name"), b.description(), TokenRoutes.scopes(b.allow(), "allow"),
        TokenRoutes.scopes(b.deny(), "deny"), false);
    ctx.json(json(directory.save(AccessGuard.actor(ctx), role)));
  }

  private void deleteRole(Context ctx) {
    if (!directory.deleteRole(AccessGuard.actor(ctx), ctx.pathParam("name"))) {
      throw new ProblemException(404, "Not found", "there is no role " + ctx.pathParam("name"), "name");
    }
    ctx.status(204);
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
