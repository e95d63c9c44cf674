package dev.pulse.domain.alert;

/**
 * When a level starts and when it ends: it triggers at {@code trigger} or above and clears only
 * below {@code clear}, so that a value hovering at the line does not raise and clear an alert at
 * every poll (hysteresis).
 */
public record Threshold(double trigger, double clear) {

  public Threshold {
    if (!Double.isFinite(trigger) || !Double.isFinite(clear)) {
      throw new IllegalArgumentException("thresholds must be numbers");
    }
    if (clear > trigger) {
      throw new IllegalArgumentException("the clear level (" + clear + ") must not be above the trigger (" + trigger + ")");
    }
  }
}
