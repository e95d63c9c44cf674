package dev.pulse.domain.resource;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Facts of a Proxmox Backup Server.
 *
 * @param version for example {@code 3.2-7}
 * @param fingerprint the SHA-256 of its certificate as PBS shows it
 * @param jobs its garbage-collection, verify, sync and prune jobs with their last result
 */
public record PbsFacet(@Nullable String version, @Nullable String fingerprint, List<Job> jobs) {

  public PbsFacet {
    jobs = List.copyOf(jobs);
  }

  /**
   * One scheduled job.
   *
   * @param kind {@code gc}, {@code verify}, {@code sync} or {@code prune}
   * @param lastState the last run's state as PBS reports it ({@code OK}, {@code WARNINGS: 3}, an error text), {@code null} if never run
   * @param outcome {@code ok}, {@code warning}, {@code error} or {@code never}
   */
  public record Job(String kind, String id, @Nullable String store, @Nullable String schedule, @Nullable String lastState,
      String outcome, @Nullable Instant lastRunEnd, @Nullable Instant nextRun) {}
}
