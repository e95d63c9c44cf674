package dev.pulse.domain.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory only: for embedding, demo mode and tests. */
final class InMemoryAccountStore implements AccountStore {

  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public List<User> users() {
    return new ArrayList<>(users.values());
  }

  @Override
  public Optional<User> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> userNamed(String username) {
    return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
  }

  @Override
  public void save(User user) {
    users.put(user.id(), user);
  }

  @Override
  public boolean deleteUser(String id) {
    sessions.values().removeIf(s -> s.userId().equals(id));
    return users.remove(id) != null;
  }

  @Override
  public List<Role> roles() {
    return new ArrayList<>(roles.values());
  }

  @Override
  public void save(Role role) {
    roles.put(role.name(), role);
  }

  @Override
  public boolean deleteRole(String name) {
    return roles.remove(name) != null;
  }

  @Override
  public Optional<Session> session(String sha256) {
    return Optional.ofNullable(sessions.get(sha256));
  }

  @Override
  public void save(Session session) {
    sessions.put(session.sha256(), session);
  }

  @Override
  public void deleteSession(String sha256) {
    sessions.remove(sha256);
  }

  @Override
  public void deleteSessions(String userId, String keep) {
    sessions.values().removeIf(s -> s.userId().equals(userId) && !Objects.equals(s.sha256(), keep));
  }

  @Override
  public int expireSessions(Instant idleBefore, Instant rememberedIdleBefore, Instant createdBefore) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.lastSeenAt().isBefore(s.remember() ? rememberedIdleBefore : idleBefore)
        || s.createdAt().isBefore(createdBefore));
    return before - sessions.size();
  }
}
