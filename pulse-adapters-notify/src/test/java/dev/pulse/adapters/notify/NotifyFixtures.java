package dev.pulse.adapters.notify;

import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.Notification;
import java.time.Instant;
import java.util.Map;

/** Channels and notifications for the sender tests. */
final class NotifyFixtures {

  static final Instant AT = Instant.parse("2026-11-28T10:05:00Z");

  private NotifyFixtures() {}

  static Notification fired() {
    return new Notification("disk@lab:storage-nas:fired:1795000000000", "fired", "storage-usage@lab:storage-nas", "storage-usage",
        "lab:storage-nas", "nas-backup", "critical", "Usage 96 % ≥ 95 %", 96.0, 95.0, AT, AT.minusSeconds(60), "storage");
  }

  static Notification resolved() {
    return new Notification("disk@lab:storage-nas:resolved:1795000600000", "resolved", "storage-usage@lab:storage-nas",
        "storage-usage", "lab:storage-nas", "nas-backup", "critical", "Usage 96 % ≥ 95 %", 80.0, 95.0, AT.plusSeconds(600), AT, "storage");
  }

  static Channel channel(ChannelType type, Map<String, String> settings, Map<String, String> secrets) {
    Map<String, Secret> s = new java.util.HashMap<>();
    secrets.forEach((k, v) -> s.put(k, Secret.of(v)));
    return new Channel("c1", "test", type, true, settings, s, true, null, 0, 0);
  }
}
