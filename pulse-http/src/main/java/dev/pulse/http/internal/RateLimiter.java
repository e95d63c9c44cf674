package dev.pulse.http.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.http.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Per-client token buckets, one per class of route and address, refilled evenly over a minute.
 * Buckets of clients not seen for 10 minutes are dropped, so the map never grows without end.
 * Runs before the access check, so that guessing tokens or passwords is throttled too. Internal:
 * not API.
 */
public final class RateLimiter {

  enum RouteClass { AUTH, WRITE, REPORT, GENERAL }

  private final RateLimits limits;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

  public RateLimiter(RateLimits limits, Clock clock) {
    this.limits = limits;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  public void register(RoutesConfig routes) {
    routes.before(this::refuseMalformedPath);
    routes.beforeMatched(this::check);
    routes.wsBeforeUpgrade("/ws", this::check);
  }

  /**
   * A path with a {@code %} not followed by two hex digits ({@code %u002e}) cannot be decoded into
   * path parameters: counted against the caller's budget, then a 400, before any route sees it.
   */
  private void refuseMalformedPath(Context ctx) {
    String raw = ctx.req().getRequestURI();
    if (raw == null || PathEscapes.wellFormed(raw)) {
      return;
    }
    ctx.attribute(PathEscapes.MALFORMED, Boolean.TRUE);
    boolean change = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
    consume(ctx, change ? RouteClass.WRITE : RouteClass.GENERAL);
    throw new ProblemException(400, "Invalid request", "the URL's path has a malformed escape: a % must be followed by two hex "
        + "digits (%2F), and %u escapes are not URL encoding", "path");
  }

  private void check(Context ctx) {
    consume(ctx, classOf(ctx.method(), ctx.path(), ctx.routeRoles()));
  }

  private void consume(Context ctx, RouteClass kind) {
    int perMinute = switch (kind) {
      case AUTH -> limits.authPerMinute();
      case WRITE -> limits.writesPerMinute();
      case REPORT -> limits.reportsPerMinute();
      case GENERAL -> limits.generalPerMinute();
    };
    Bucket bucket = buckets.get(kind + "|" + ctx.ip(), k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .withCustomTimePrecision(time).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ProblemException(429, "Too many requests", "more than " + perMinute + " " + kind.name().toLowerCase()
          + " requests a minute from " + ctx.ip() + ": try again in " + seconds + " s", null);
    }
  }

  static RouteClass classOf(HandlerType method, String path, Set<RouteRole> roles) {
    if (roles.stream().anyMatch(r -> r instanceof Access a && a.report())) {
      return RouteClass.REPORT;
    }
    boolean change = method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    if (change && (path.equals("/api/security/login") || path.equals("/api/security/setup")
        || path.startsWith("/api/security/recovery") || path.startsWith("/api/security/sso/saml/"))) {
      return RouteClass.AUTH; // guessing passwords and tokens: the tightest budget
    }
    return change ? RouteClass.WRITE : RouteClass.GENERAL;
  }
}
