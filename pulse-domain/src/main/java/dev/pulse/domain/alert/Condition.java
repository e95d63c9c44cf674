package dev.pulse.domain.alert;

import org.jspecify.annotations.Nullable;

/**
 * What a rule found wrong with a resource now.
 *
 * @param value the figure that breached, in the rule's unit, or {@code null} for a state (offline…)
 * @param threshold the trigger it breached, or {@code null}
 * @param message says what is wrong in words, for example "CPU 91.2 % ≥ 90 %"
 */
public record Condition(AlertLevel level, String message, @Nullable Double value, @Nullable Double threshold) {}
