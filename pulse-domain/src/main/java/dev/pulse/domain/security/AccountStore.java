package dev.pulse.domain.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps accounts, custom roles and sessions across restarts. Implementations are thread-safe. */
public interface AccountStore {

  List<User> users();

  Optional<User> user(String id);

  Optional<User> userNamed(String username);

  /** Adds or replaces, by id. */
  void save(User user);

  /** Removes the user and their sessions. */
  boolean deleteUser(String id);

  /** The custom roles; the built-in ones are not kept. */
  List<Role> roles();

  void save(Role role);

  boolean deleteRole(String name);

  Optional<Session> session(String sha256);

  /** Adds or replaces, by hash. */
  void save(Session session);

  void deleteSession(String sha256);

  /** Ends every session of a user except {@code keep} (a hash, or {@code null} for all). */
  void deleteSessions(String userId, String keep);

  /** Removes sessions that were not used since {@code idleBefore}; returns how many. */
  int expireSessions(Instant idleBefore, Instant rememberedIdleBefore, Instant createdBefore);

  static AccountStore inMemory() {
    return new InMemoryAccountStore();
  }
}
