package dev.pulse.http.internal;

import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.engine.AuditTrail;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.TreeMap;

/**
 * After each matched request, records into the audit trail every change (success or not) and
 * every refusal for lack of credentials or scope: who (the caller, or for a sign-in the username
 * tried), the route, its path parameters, the address and the status. Agents' and platforms'
 * reports are left out unless refused: they are data, not people's actions. Internal: not API.
 */
public final class AuditHook {

  /** Set by routes where the caller is not yet known (signing in): the username tried. */
  public static final String SUBJECT = "pulse.audit.subject";
  /** Set by routes that must be recorded whatever their method and status: a single sign-on. */
  public static final String RECORD = "pulse.audit.record";
  /** Set by routes that have more to say: a short detail, never a secret. */
  public static final String DETAIL = "pulse.audit.detail";

  private final AuditTrail trail;
  private final Clock clock;

  public AuditHook(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.afterMatched(this::record);
  }

  private void record(Context ctx) {
    if (ctx.attribute(PathEscapes.MALFORMED) != null) {
      return; // refused before anyone was identified, and counted by the rate limiter: noise, not an action
    }
    int status = ctx.statusCode();
    boolean refused = status == 401 || status == 403;
    boolean change = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
    boolean report = ctx.routeRoles().stream().anyMatch(r -> r instanceof Access a && a.report());
    if (!refused && (!change || report) && !Boolean.TRUE.equals(ctx.attribute(RECORD))) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? ctx.path() : endpoint.path;
    String actor = ctx.attribute(AccessGuard.ACTOR);
    if (actor == null) {
      String subject = ctx.attribute(SUBJECT);
      actor = subject == null ? "anonymous" : subject;
    }
    String outcome = (status < 400 ? "success " : refused || status == 429 ? "denied " : "failure ") + status;
    String target = String.join(",", new TreeMap<>(ctx.pathParamMap()).values());
    String detail = ctx.attribute(DETAIL);
    trail.record(new AuditEvent(clock.instant(), actor, ctx.method().name() + " " + route, target, ctx.ip(), outcome, detail));
  }
}
