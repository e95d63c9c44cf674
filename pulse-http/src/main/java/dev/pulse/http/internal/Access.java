package dev.pulse.http.internal;

import dev.pulse.domain.security.Scope;
import io.javalin.security.RouteRole;

/**
 * The scope a route needs, declared where the route is registered. A route with none is refused:
 * forgetting to declare one can never open a route. Internal: not API.
 */
public enum Access implements RouteRole {
  PUBLIC(null),
  MONITORING_READ(Scope.MONITORING_READ),
  MONITORING_WRITE(Scope.MONITORING_WRITE),
  SETTINGS_READ(Scope.SETTINGS_READ),
  SETTINGS_WRITE(Scope.SETTINGS_WRITE),
  AGENT_REPORT(Scope.AGENT_REPORT),
  DOCKER_REPORT(Scope.DOCKER_REPORT),
  KUBERNETES_REPORT(Scope.KUBERNETES_REPORT),
  PVE_WEBHOOK(Scope.PVE_WEBHOOK);

  private final Scope scope;

  Access(Scope scope) {
    this.scope = scope;
  }

  /** The scope needed, {@code null} for a public route. */
  public Scope scope() {
    return scope;
  }
}
