package dev.pulse.domain.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where notifications can go: email, or a webhook shaped for one service. */
public enum ChannelType {
  EMAIL,
  DISCORD,
  SLACK,
  TEAMS,
  TELEGRAM,
  NTFY,
  GOTIFY,
  PUSHOVER,
  PAGERDUTY,
  MATTERMOST,
  WEBHOOK,
  APPRISE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChannelType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
