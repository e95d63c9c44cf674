package dev.pulse.domain.identity;

import org.jspecify.annotations.Nullable;

/**
 * The matcher's answer.
 *
 * @param candidateId the resource it matched, or {@code null}
 * @param confidence how sure it is
 * @param evidence the strongest evidence, for example {@code machine-id}
 * @param autoMerge whether the registry may merge without asking: only at high confidence and
 *     within the same type
 * @param reason why, for people reading the match
 */
public record MatchDecision(
    @Nullable String candidateId,
    MatchConfidence confidence,
    String evidence,
    boolean autoMerge,
    String reason) {

  public static MatchDecision none(String reason) {
    return new MatchDecision(null, MatchConfidence.NONE, "none", false, reason);
  }
}
