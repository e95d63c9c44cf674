package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.Session;
import dev.pulse.domain.security.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, roles and sessions survive a reopen; names match whatever their case; old sessions go. */
class SqliteAccountStoreIT {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir Path dir;

  @Test
  void accountsRolesAndSessionsComeBackAfterAReopen() {
    User alice = new User("a1", "alice", "$argon2id$x", Set.of("admin", "ops"), "local", T0, null, false);
    Role ops = new Role("ops", "on call", Set.of(Scope.MONITORING_WRITE), Set.of(Scope.AUDIT_READ), false);
    Session s = new Session("h1", "a1", "csrf", T0, T0, true, "10.0.0.5");
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAccountStore store = new SqliteAccountStore(db);
      store.save(alice);
      store.save(alice.withLastLogin(T0.plusSeconds(60)));
      store.save(ops);
      store.save(s);
    }
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAccountStore store = new SqliteAccountStore(db);
      assertEquals(alice.withLastLogin(T0.plusSeconds(60)), store.userNamed("ALICE").orElseThrow());
      assertEquals(java.util.List.of(ops), store.roles());
      assertEquals(s, store.session("h1").orElseThrow());
    }
  }

  @Test
  void removingAnAccountEndsItsSessions() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAccountStore store = new SqliteAccountStore(db);
      store.save(new User("a1", "alice", null, Set.of("viewer"), "oidc:corp", T0, null, false));
      store.save(new Session("h1", "a1", "c", T0, T0, false, "::1"));
      store.save(new Session("h2", "a1", "c", T0, T0, false, "::1"));
      store.deleteSessions("a1", "h2");
      assertTrue(store.session("h1").isEmpty() && store.session("h2").isPresent(), "all but the kept one");
      assertTrue(store.deleteUser("a1"));
      assertTrue(store.session("h2").isEmpty());
      assertFalse(store.deleteUser("a1"));
    }
  }

  @Test
  void sessionsPastTheirTimeAreRemoved() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAccountStore store = new SqliteAccountStore(db);
      store.save(new User("a1", "alice", null, Set.of("viewer"), "local", T0, null, false));
      store.save(new Session("idle", "a1", "c", T0, T0, false, "::1"));
      store.save(new Session("remembered", "a1", "c", T0, T0, true, "::1"));
      Instant now = T0.plus(Duration.ofDays(1));
      int removed = store.expireSessions(now.minus(Session.IDLE), now.minus(Session.REMEMBERED), now.minus(Session.ABSOLUTE));
      assertEquals(1, removed);
      assertTrue(store.session("idle").isEmpty() && store.session("remembered").isPresent());
    }
  }
}
