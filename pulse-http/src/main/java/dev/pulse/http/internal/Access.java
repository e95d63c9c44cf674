package dev.pulse.http.internal;

import dev.pulse.domain.security.Scope;
import io.javalin.security.RouteRole;

/**
 * The scope a route needs, declared where the route is registered. A route with none is refused:
 * forgetting to declare one can never open a route. Internal: not API.
 */
public enum Access implements RouteRole {
  PUBLIC(null),
  /** Public, and posted by another site's page by design: a SAML IdP's answer. No Origin check. */
  CROSS_SITE(null),
  /** Anyone signed in or holding a token, whatever they may do: their own password, signing out. */
  SIGNED_IN(null),
  MONITORING_READ(Scope.MONITORING_READ),
  MONITORING_WRITE(Scope.MONITORING_WRITE),
  ALERTS_READ(Scope.ALERTS_READ),
  ALERTS_WRITE(Scope.ALERTS_WRITE),
  SETTINGS_READ(Scope.SETTINGS_READ),
  SETTINGS_WRITE(Scope.SETTINGS_WRITE),
  CONNECTIONS_READ(Scope.CONNECTIONS_READ),
  CONNECTIONS_WRITE(Scope.CONNECTIONS_WRITE),
  USERS_READ(Scope.USERS_READ),
  USERS_WRITE(Scope.USERS_WRITE),
  AUDIT_READ(Scope.AUDIT_READ),
  AGENT_REPORT(Scope.AGENT_REPORT),
  DOCKER_REPORT(Scope.DOCKER_REPORT),
  KUBERNETES_REPORT(Scope.KUBERNETES_REPORT),
  PVE_WEBHOOK(Scope.PVE_WEBHOOK);

  private final Scope scope;

  Access(Scope scope) {
    this.scope = scope;
  }

  /** Whether the route takes an agent's or a platform's reports, which come often and from many machines. */
  public boolean report() {
    return this == AGENT_REPORT || this == DOCKER_REPORT || this == KUBERNETES_REPORT || this == PVE_WEBHOOK;
  }

  /** The scope needed, {@code null} for a public route or one open to anyone signed in. */
  public Scope scope() {
    return scope;
  }
}
