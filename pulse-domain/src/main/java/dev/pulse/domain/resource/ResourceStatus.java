package dev.pulse.domain.resource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The normalised status of a resource. */
public enum ResourceStatus {
  ONLINE,
  WARNING,
  OFFLINE,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ResourceStatus> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
