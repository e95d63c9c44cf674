package dev.pulse.http;

import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.NotPermittedException;
import dev.pulse.domain.security.PasswordHasher;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts and roles: creating, changing and removing them, with the rules that keep Pulse
 * manageable (a username is unique, whatever its case; the last admin cannot be removed or lose
 * the role; a role in use cannot be removed; built-in roles cannot be changed), and the rule that
 * keeps it safe: an {@link Actor} may change an account, or a role, only if it holds every scope
 * that account or role holds, and may grant only roles that allow nothing it lacks. An API token
 * never sets a password. Thread-safe.
 */
public final class AccountDirectory {

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 256;

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Every role, built-in first: read on each request's scope check, so kept here and renewed on change. */
  private volatile List<Role> roles;

  AccountDirectory(AccountStore store, PasswordHasher hasher, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.roles = allRoles();
  }

  private List<Role> allRoles() {
    List<Role> custom = new ArrayList<>(store.roles());
    custom.sort(Comparator.comparing(Role::name));
    List<Role> all = new ArrayList<>(Role.BUILT_IN);
    all.addAll(custom);
    return List.copyOf(all);
  }

  public List<User> users() {
    List<User> users = new ArrayList<>(store.users());
    users.sort(Comparator.comparing(User::username));
    return users;
  }

  public Optional<User> user(String id) {
    return store.user(id);
  }

  /** The built-in roles, then the custom ones by name. */
  public List<Role> roles() {
    return roles;
  }

  public Optional<Role> role(String name) {
    return roles().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** What a person may do: their roles together, deny winning. */
  public Set<Scope> scopesOf(User user) {
    return Role.effective(user.roles().stream().map(this::role).flatMap(Optional::stream).toList());
  }

  /**
   * @throws InvalidFieldException naming {@code username}, {@code password} or {@code roles}
   * @throws NotPermittedException when the actor is a token, or a role allows what the actor lacks
   */
  public synchronized User create(Actor actor, String username, String password, List<String> roles) {
    noTokenSetsAPassword(actor);
    requireGrantable(actor, roles);
    String name = username == null ? "" : username.strip();
    if (!Accounts.validUsername(name)) {
      throw new InvalidFieldException("username", "a username is 1–64 letters, digits or . _ @ + -, starting with a letter or digit");
    }
    if (store.userNamed(name).isPresent()) {
      throw new InvalidFieldException("username", "there already is an account named " + name);
    }
    User user = new User(Accounts.newId(random), name.toLowerCase(Locale.ROOT), hasher.hash(checkedPassword(password, "password")),
        knownRoles(roles == null ? null : Set.copyOf(roles)), "local", clock.instant(), null, false);
    store.save(user);
    return user;
  }

  /**
   * An account for someone single sign-on or a proxy vouched for, created on first sign-in; their
   * roles follow the provider's groups at every sign-in.
   */
  public synchronized User external(String source, String username, Set<String> roles) {
    String name = username.strip().toLowerCase(Locale.ROOT);
    Optional<User> known = store.userNamed(name);
    if (known.isPresent() && known.get().source().equals("local")) {
      throw new InvalidFieldException("username", name + " is a local account: single sign-on cannot take it over");
    }
    User user = known.map(u -> u.withRoles(roles)).orElseGet(() -> new User(Accounts.newId(random), name, null, roles, source,
        clock.instant(), null, false)).withLastLogin(clock.instant());
    store.save(user);
    return user;
  }

  /**
   * Changes roles, whether the account is off, and (when given) sets a new password; a password set
   * here or turning the account off ends its sessions. Only an actor holding every scope the
   * account holds may change it; a token never sets a password.
   *
   * @param roles the new roles, or {@code null} to keep them
   * @param disabled whether the account is off, or {@code null} to keep it
   * @param newPassword a new password, or {@code null} to keep it
   */
  public synchronized User update(Actor actor, String id, List<String> roles, Boolean disabled, String newPassword) {
    User user = store.user(id).orElseThrow(() -> new InvalidFieldException("id", "there is no account " + id));
    requireHolds(actor, user, "change");
    if (newPassword != null) {
      noTokenSetsAPassword(actor);
      if (actor.kind() != Actor.Kind.SYSTEM && actor.name().equalsIgnoreCase(user.username())) {
        throw new NotPermittedException("password", "change your own password at /api/security/password, with the current one");
      }
    }
    if (roles != null) {
      requireGrantable(actor, roles);
    }
    boolean off = disabled == null ? user.disabled() : disabled;
    User next = user.withRoles(roles == null ? user.roles() : knownRoles(Set.copyOf(roles))).withDisabled(off);
    if (isAdmin(user) && (!isAdmin(next) || next.disabled()) && admins() == 1) {
      throw new InvalidFieldException("roles", "this is the last admin: make someone else admin first");
    }
    if (newPassword != null) {
      next = next.withPasswordHash(hasher.hash(checkedPassword(newPassword, "password")));
    }
    store.save(next);
    if (newPassword != null || off) {
      store.deleteSessions(id, null);
    }
    return next;
  }

  /** Removes an account the actor holds every scope of; false when there is none. */
  public synchronized boolean delete(Actor actor, String id) {
    Optional<User> user = store.user(id);
    if (user.isPresent()) {
      requireHolds(actor, user.get(), "remove");
    }
    if (user.isPresent() && isAdmin(user.get()) && admins() == 1) {
      throw new InvalidFieldException("id", "this is the last admin: it cannot be removed");
    }
    return store.deleteUser(id);
  }

  /**
   * Adds or changes a custom role. The actor must hold every scope it allows, and, to change one
   * that exists, every scope it allowed: a role is part of every account that holds it.
   */
  public synchronized Role save(Actor actor, Role role) {
    if (Role.BUILT_IN.stream().anyMatch(r -> r.name().equals(role.name()))) {
      throw new InvalidFieldException("name", role.name() + " is built in: it cannot be changed");
    }
    if (!role.name().matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      throw new InvalidFieldException("name", "a role name is 1–32 lower-case letters, digits, _ or -");
    }
    if (role.allow().isEmpty()) {
      throw new InvalidFieldException("allow", "a role allows at least one scope");
    }
    actor.firstLacking(role.allow()).ifPresent(s -> {
      throw new NotPermittedException("allow", "you cannot make a role allow " + s.wireName() + ": you lack it");
    });
    role(role.name()).ifPresent(existing -> requireHoldsRole(actor, existing, "change"));
    store.save(role);
    roles = allRoles();
    return role;
  }

  public synchronized boolean deleteRole(Actor actor, String name) {
    if (Role.BUILT_IN.stream().anyMatch(r -> r.name().equals(name))) {
      throw new InvalidFieldException("name", name + " is built in: it cannot be removed");
    }
    role(name).ifPresent(existing -> requireHoldsRole(actor, existing, "remove"));
    if (store.users().stream().anyMatch(u -> u.roles().contains(name))) {
      throw new InvalidFieldException("name", "accounts still have the role " + name);
    }
    boolean removed = store.deleteRole(name);
    roles = allRoles();
    return removed;
  }

  /**
   * Checks that the actor may grant each of these roles: each must exist and allow nothing the
   * actor lacks.
   *
   * @throws InvalidFieldException naming {@code roles[i]} for a role that does not exist
   * @throws NotPermittedException naming {@code roles[i]} for a role that allows more
   */
  public void requireGrantable(Actor actor, List<String> roleNames) {
    if (roleNames == null) {
      return;
    }
    for (int i = 0; i < roleNames.size(); i++) {
      requireGrantable(actor, roleNames.get(i), "roles[" + i + "]");
    }
  }

  /** The same for one role named in {@code field}. */
  public void requireGrantable(Actor actor, String roleName, String field) {
    Role role = role(roleName).orElseThrow(() -> new InvalidFieldException(field, "there is no role " + roleName));
    actor.firstLacking(Role.effective(List.of(role))).ifPresent(s -> {
      throw new NotPermittedException(field, "you cannot grant " + role.name() + ": it allows " + s.wireName()
          + ", which you lack");
    });
  }

  /** Checks that the actor holds every scope the account holds. */
  public void requireHolds(Actor actor, User target, String verb) {
    actor.firstLacking(scopesOf(target)).ifPresent(s -> {
      throw new NotPermittedException("id", "you cannot " + verb + " the account " + target.username() + ": it holds "
          + s.wireName() + ", which you lack");
    });
  }

  private void requireHoldsRole(Actor actor, Role role, String verb) {
    actor.firstLacking(Role.effective(List.of(role))).ifPresent(s -> {
      throw new NotPermittedException("name", "you cannot " + verb + " the role " + role.name() + ": it allows "
          + s.wireName() + ", which you lack");
    });
  }

  private static void noTokenSetsAPassword(Actor actor) {
    if (actor.kind() == Actor.Kind.TOKEN) {
      throw new NotPermittedException("password", "an API token never sets a password: sign in as a person to do it");
    }
  }

  static String checkedPassword(String password, String field) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new InvalidFieldException(field, "a password is " + MIN_PASSWORD + "–" + MAX_PASSWORD + " characters");
    }
    return password;
  }

  private Set<String> knownRoles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidFieldException("roles", "an account needs at least one role");
    }
    for (String r : roles) {
      if (role(r).isEmpty()) {
        throw new InvalidFieldException("roles", "there is no role " + r);
      }
    }
    return Set.copyOf(roles);
  }

  private static boolean isAdmin(User u) {
    return u.roles().contains(Role.ADMIN.name());
  }

  private long admins() {
    return store.users().stream().filter(u -> isAdmin(u) && !u.disabled()).count();
  }
}
