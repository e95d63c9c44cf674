package dev.pulse.domain.resource;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a guest reports about itself through its agent. {@code null} fields are unknown.
 *
 * @param os the operating system's pretty name, for example {@code Debian GNU/Linux 12 (bookworm)}
 * @param ips the guest's addresses, without loopback and link-local ones
 * @param filesystems mounted filesystems, bind mounts and pseudo filesystems left out
 * @param agent {@code running}, {@code not-running} or {@code not-configured}
 */
public record GuestFacet(@Nullable String os, List<String> ips, List<Filesystem> filesystems, String agent) {

  public GuestFacet {
    ips = List.copyOf(ips);
    filesystems = List.copyOf(filesystems);
  }

  /** One mounted filesystem, sizes in bytes. */
  public record Filesystem(String mountpoint, String type, long usedBytes, long totalBytes) {}
}
