package dev.pulse.domain.alert;

import dev.pulse.domain.resource.ResourceType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert on one resource from one rule. {@code PENDING} while its condition has not lasted the
 * rule's delay yet (not shown as firing, never notified), {@code FIRING} after. Immutable.
 *
 * @param id {@code ruleId@resourceId}: one alert per rule and resource
 * @param since when the condition was first seen
 * @param firedAt when it started firing, or {@code null} while pending
 * @param clearStreak evaluations in a row that found the condition gone
 * @param acknowledgement who acknowledged it and when, or {@code null}
 * @param flapping whether it changes state too often: shown, but not notified, until it calms down
 * @param sendNotifications whether its changes are sent to channels ({@code false} for monitor-only resources)
 */
public record Alert(String id, String ruleId, String resourceId, String resourceName, ResourceType resourceType,
    @Nullable String parentId, AlertCategory category, AlertLevel level, Phase phase, String message, @Nullable Double value,
    @Nullable Double threshold, Instant since, @Nullable Instant firedAt, int clearStreak,
    @Nullable Acknowledgement acknowledgement, boolean flapping, boolean sendNotifications) {

  /** Pending until the rule's delay has passed, then firing. */
  public enum Phase { PENDING, FIRING }

  /** @param by who acknowledged: a user or token name */
  public record Acknowledgement(String by, Instant at) {}

  public static String id(String ruleId, String resourceId) {
    return ruleId + "@" + resourceId;
  }

  public boolean firing() {
    return phase == Phase.FIRING;
  }

  public Alert with(AlertLevel newLevel, Phase newPhase, String newMessage, @Nullable Double newValue, @Nullable Double newThreshold,
      @Nullable Instant newFiredAt, int newClearStreak, boolean newFlapping) {
    return new Alert(id, ruleId, resourceId, resourceName, resourceType, parentId, category, newLevel, newPhase, newMessage, newValue,
        newThreshold, since, newFiredAt, newClearStreak, acknowledgement, newFlapping, sendNotifications);
  }

  public Alert withAcknowledgement(@Nullable Acknowledgement ack) {
    return new Alert(id, ruleId, resourceId, resourceName, resourceType, parentId, category, level, phase, message, value,
        threshold, since, firedAt, clearStreak, ack, flapping, sendNotifications);
  }
}
