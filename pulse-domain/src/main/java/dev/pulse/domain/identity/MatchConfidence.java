package dev.pulse.domain.identity;

/** How sure the matcher is that two observations are one machine. */
public enum MatchConfidence {
  NONE,
  LOW,
  MEDIUM,
  HIGH
}
