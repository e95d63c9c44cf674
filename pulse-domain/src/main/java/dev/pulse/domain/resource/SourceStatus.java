package dev.pulse.domain.resource;

import java.util.Locale;

/** How fresh a source's view is. */
public enum SourceStatus {
  /** Heard from within its expected interval. */
  HEALTHY,
  /** The last collection failed; the previous figures are kept. */
  ERROR,
  /** Not heard from for longer than max(2 × interval, 60 s). */
  STALE,
  /** Not heard from for much longer; its figures are no longer shown. */
  OFFLINE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
