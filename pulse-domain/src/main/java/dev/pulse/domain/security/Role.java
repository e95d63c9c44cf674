package dev.pulse.domain.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of permissions: what it allows and what it denies. A person with several roles may
 * do what any of them allows unless one of them denies it: deny wins. Immutable.
 *
 * @param builtIn admin, operator, viewer and auditor: they cannot be changed or removed
 */
public record Role(String name, String description, Set<Scope> allow, Set<Scope> deny, boolean builtIn) {

  public static final Role ADMIN = new Role("admin", "Everything, including accounts and security", Set.of(Scope.ALL), Set.of(), true);
  public static final Role OPERATOR = new Role("operator", "Watches, acknowledges alerts, reads alert rules, settings and connections",
      Set.of(Scope.MONITORING_WRITE, Scope.ALERTS_READ, Scope.SETTINGS_READ, Scope.CONNECTIONS_READ, Scope.AI_CHAT), Set.of(), true);
  public static final Role VIEWER = new Role("viewer", "Reads what is monitored", Set.of(Scope.MONITORING_READ), Set.of(), true);
  public static final Role AUDITOR = new Role("auditor", "Reads what is monitored and the audit log",
      Set.of(Scope.MONITORING_READ, Scope.AUDIT_READ), Set.of(), true);
  public static final List<Role> BUILT_IN = List.of(ADMIN, OPERATOR, VIEWER, AUDITOR);

  public Role {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    allow = allow.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allow));
    deny = deny.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(deny));
  }

  /** Whether these roles together allow {@code needed}: one allows it and none denies it. */
  public static boolean permits(Collection<Role> roles, Scope needed) {
    boolean allowed = false;
    for (Role r : roles) {
      for (Scope d : r.deny()) {
        if (d.blocks(needed)) {
          return false;
        }
      }
      allowed |= Scope.covers(r.allow(), needed);
    }
    return allowed;
  }

  /** Every scope these roles permit, for the UI to show or hide what a person can do. */
  public static Set<Scope> effective(Collection<Role> roles) {
    EnumSet<Scope> out = EnumSet.noneOf(Scope.class);
    for (Scope s : Scope.values()) {
      if (s != Scope.ALL && permits(roles, s)) {
        out.add(s);
      }
    }
    return out;
  }
}
