package dev.pulse.adapters.sqlite;

import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.Session;
import dev.pulse.domain.security.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Accounts, custom roles and sessions in SQLite. Passwords only as hashes, sessions only by the hash of their cookie. */
public final class SqliteAccountStore implements AccountStore {

  private final Jdbi jdbi;

  public SqliteAccountStore(SqliteDatabase database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<User> users() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_user").map((rs, ctx) -> user(rs)).list());
  }

  @Override
  public Optional<User> user(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_user WHERE id = :id").bind("id", id)
        .map((rs, ctx) -> user(rs)).findOne());
  }

  @Override
  public Optional<User> userNamed(String username) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_user WHERE username = :u COLLATE NOCASE").bind("u", username)
        .map((rs, ctx) -> user(rs)).findOne());
  }

  @Override
  public void save(User u) {
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO account_user (id, username, password_hash, roles, source, created_ms, last_login_ms, disabled)
            VALUES (:id, :username, :hash, :roles, :source, :created, :lastLogin, :disabled)
            ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
              roles = excluded.roles, source = excluded.source, last_login_ms = excluded.last_login_ms,
              disabled = excluded.disabled""")
        .bind("id", u.id()).bind("username", u.username()).bind("hash", u.passwordHash())
        .bind("roles", String.join(",", u.roles())).bind("source", u.source()).bind("created", u.createdAt().toEpochMilli())
        .bind("lastLogin", u.lastLoginAt() == null ? null : u.lastLoginAt().toEpochMilli()).bind("disabled", u.disabled() ? 1 : 0)
        .execute());
  }

  @Override
  public boolean deleteUser(String id) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("DELETE FROM account_session WHERE user_id = :id").bind("id", id).execute();
      return h.createUpdate("DELETE FROM account_user WHERE id = :id").bind("id", id).execute() > 0;
    });
  }

  @Override
  public List<Role> roles() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_role").map((rs, ctx) -> new Role(rs.getString("name"),
        rs.getString("description"), scopes(rs.getString("allow")), scopes(rs.getString("deny")), false)).list());
  }

  @Override
  public void save(Role r) {
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO account_role (name, description, allow, deny) VALUES (:name, :description, :allow, :deny)
            ON CONFLICT (name) DO UPDATE SET description = excluded.description, allow = excluded.allow, deny = excluded.deny""")
        .bind("name", r.name()).bind("description", r.description()).bind("allow", text(r.allow())).bind("deny", text(r.deny()))
        .execute());
  }

  @Override
  public boolean deleteRole(String name) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM account_role WHERE name = :n").bind("n", name).execute() > 0);
  }

  @Override
  public Optional<Session> session(String sha256) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_session WHERE sha256 = :s").bind("s", sha256)
        .map((rs, ctx) -> new Session(rs.getString("sha256"), rs.getString("user_id"), rs.getString("csrf_token"),
            Instant.ofEpochMilli(rs.getLong("created_ms")), Instant.ofEpochMilli(rs.getLong("last_seen_ms")),
            rs.getInt("remember") == 1, rs.getString("address"))).findOne());
  }

  @Override
  public void save(Session s) {
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO account_session (sha256, user_id, csrf_token, created_ms, last_seen_ms, remember, address)
            VALUES (:sha, :user, :csrf, :created, :seen, :remember, :address)
            ON CONFLICT (sha256) DO UPDATE SET last_seen_ms = excluded.last_seen_ms""")
        .bind("sha", s.sha256()).bind("user", s.userId()).bind("csrf", s.csrfSha256()).bind("created", s.createdAt().toEpochMilli())
        .bind("seen", s.lastSeenAt().toEpochMilli()).bind("remember", s.remember() ? 1 : 0).bind("address", s.address())
        .execute());
  }

  @Override
  public void deleteSession(String sha256) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE sha256 = :s").bind("s", sha256).execute());
  }

  @Override
  public void deleteSessions(String userId, String keep) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE user_id = :u AND sha256 IS NOT :keep")
        .bind("u", userId).bind("keep", keep).execute());
  }

  @Override
  public int expireSessions(Instant idleBefore, Instant rememberedIdleBefore, Instant createdBefore) {
    return jdbi.withHandle(h -> h.createUpdate("""
            DELETE FROM account_session WHERE created_ms < :created
              OR (remember = 0 AND last_seen_ms < :idle) OR (remember = 1 AND last_seen_ms < :remembered)""")
        .bind("created", createdBefore.toEpochMilli()).bind("idle", idleBefore.toEpochMilli())
        .bind("remembered", rememberedIdleBefore.toEpochMilli()).execute());
  }

  private static User user(ResultSet rs) throws SQLException {
    long lastLogin = rs.getLong("last_login_ms");
    boolean noLogin = rs.wasNull();
    String roles = rs.getString("roles");
    return new User(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
        roles.isEmpty() ? Set.of() : Set.of(roles.split(",")), rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_ms")),
        noLogin ? null : Instant.ofEpochMilli(lastLogin), rs.getInt("disabled") == 1);
  }

  private static String text(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
  }

  private static Set<Scope> scopes(String text) {
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    Arrays.stream(text.split(",")).filter(s -> !s.isEmpty()).map(Scope::fromWireName).flatMap(Optional::stream).forEach(out::add);
    return out;
  }
}
