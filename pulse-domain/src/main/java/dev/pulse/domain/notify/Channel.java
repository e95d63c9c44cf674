package dev.pulse.domain.notify;

import dev.pulse.domain.connection.Secret;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A place notifications go, as the operator set it up.
 *
 * @param settings what is not secret: {@code host}, {@code port}, {@code from}, {@code to}, {@code
 *     url}, {@code security} (none, starttls, tls)…
 * @param secrets what is: {@code password}, {@code token}, {@code hmacSecret}…; never shown again
 * @param allowPrivateAddresses whether a webhook may go to a private or loopback address (off: a
 *     webhook URL cannot be used to reach inside the network)
 * @param quietHours when it holds notifications back, or {@code null}
 * @param maxPerHour at most this many messages an hour, then digests; 0 for no limit
 * @param groupSeconds alerts that fire within this many seconds of each other go out as one
 *     message; 0 sends each at once
 */
public record Channel(String id, String name, ChannelType type, boolean enabled, Map<String, String> settings,
    Map<String, Secret> secrets, boolean allowPrivateAddresses, @Nullable QuietHours quietHours, int maxPerHour,
    int groupSeconds) {

  public Channel {
    settings = Map.copyOf(settings);
    secrets = Map.copyOf(secrets);
  }

  public String setting(String key, String fallback) {
    String v = settings.get(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
