package dev.pulse.http;

/**
 * How many requests a client (by address) may make a minute, per class of route: signing in and
 * setting up; other changes; agents' and platforms' reports (many machines may share one
 * address behind NAT); and everything else. Past a limit the answer is 429 with {@code Retry-After}.
 */
public record RateLimits(int authPerMinute, int writesPerMinute, int reportsPerMinute, int generalPerMinute) {

  public static final RateLimits DEFAULT = new RateLimits(10, 30, 6000, 500);

  public RateLimits {
    if (authPerMinute < 1 || writesPerMinute < 1 || reportsPerMinute < 1 || generalPerMinute < 1) {
      throw new IllegalArgumentException("every rate limit must be at least 1 a minute");
    }
  }
}
