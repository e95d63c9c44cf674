package dev.pulse.domain.resource;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What identifies a machine across sources. Lists are never null; unknown strings are. */
public record Identity(
    @Nullable String machineId,
    @Nullable String dmiUuid,
    List<String> hostnames,
    List<String> ips,
    List<String> macs) {

  public static final Identity EMPTY = new Identity(null, null, List.of(), List.of(), List.of());

  public Identity {
    hostnames = List.copyOf(hostnames);
    ips = List.copyOf(ips);
    macs = List.copyOf(macs);
  }

  public static Identity ofHostname(String hostname) {
    return new Identity(null, null, List.of(hostname), List.of(), List.of());
  }
}
