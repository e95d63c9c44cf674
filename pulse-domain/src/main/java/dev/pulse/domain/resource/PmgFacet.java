package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * Facts of a Proxmox Mail Gateway node. Mail and quarantine figures are cluster-wide and carried by
 * the master node only; queues are per node. {@code null} means unknown.
 *
 * @param role {@code master} or {@code node}
 * @param inSync whether the node synchronised with the master in the last 3 minutes
 * @param mail the last 24 hours' mail, on the master
 * @param quarantine the spam quarantine, on the master
 */
public record PmgFacet(
    @Nullable String version,
    String role,
    @Nullable Boolean inSync,
    @Nullable Queues queues,
    @Nullable Mail mail,
    @Nullable Quarantine quarantine) {

  /**
   * Postfix queue sizes in recipients; {@code oldestDeferredMinutes} is the lower bound of the oldest
   * non-empty age bucket of the deferred queue.
   */
  public record Queues(@Nullable Long active, @Nullable Long deferred, @Nullable Long hold, @Nullable Long incoming,
      @Nullable Long oldestDeferredMinutes) {}

  /** Mail counts over the last 24 hours; {@code averageProcessingSeconds} per message. */
  public record Mail(@Nullable Long total, @Nullable Long incoming, @Nullable Long outgoing, @Nullable Long spamIn,
      @Nullable Long virusIn, @Nullable Long bouncesIn, @Nullable Long rblRejects, @Nullable Long bytesIn,
      @Nullable Double averageProcessingSeconds) {}

  /** Spam quarantine totals. */
  public record Quarantine(@Nullable Long count, @Nullable Double megabytes, @Nullable Double averageSpamScore) {}
}
