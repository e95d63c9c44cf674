package dev.pulse.domain.identity;

import dev.pulse.domain.resource.Identity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Identity} reduced to the evidence that says something: normalised hostnames, IPs that
 * identify a machine and real MACs. Loopback, link-local and Docker-bridge addresses are dropped.
 */
record IdentityEvidence(
    @Nullable String machineId,
    @Nullable String dmiUuid,
    Set<String> hostnames,
    Set<String> ips,
    Set<String> macs) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
  /** DMI UUIDs firmware fills in when it has none. */
  private static final Set<String> PLACEHOLDER_UUIDS =
      Set.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
          "03000200-0400-0500-0006-000700080009");

  static IdentityEvidence of(Identity identity) {
    Set<String> hostnames = new LinkedHashSet<>();
    identity.hostnames().stream().map(IdentityEvidence::hostname).filter(h -> !h.isEmpty()).forEach(hostnames::add);
    Set<String> ips = new LinkedHashSet<>();
    identity.ips().forEach(ip -> informativeIp(ip).ifPresent(ips::add));
    Set<String> macs = new LinkedHashSet<>();
    identity.macs().stream().map(IdentityEvidence::mac).filter(m -> m != null).forEach(macs::add);
    return new IdentityEvidence(
        blankToNull(identity.machineId()), dmiUuid(identity.dmiUuid()), hostnames, ips, macs);
  }

  /** Whether two hostnames name the same host: equal, or equal short names where one is bare. */
  static boolean sameHost(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int dotA = a.indexOf('.');
    int dotB = b.indexOf('.');
    if (dotA >= 0 && dotB >= 0) {
      return false;
    }
    String shortA = dotA >= 0 ? a.substring(0, dotA) : a;
    String shortB = dotB >= 0 ? b.substring(0, dotB) : b;
    return shortA.equals(shortB);
  }

  private static String hostname(String raw) {
    String h = raw.strip().toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.equals("localhost") || h.equals("localhost.localdomain") ? "" : h;
  }

  private static java.util.Optional<String> informativeIp(String raw) {
    String text = raw.strip();
    int slash = text.indexOf('/');
    if (slash >= 0) {
      text = text.substring(0, slash);
    }
    if (!IPV4.matcher(text).matches() && !text.contains(":")) {
      return java.util.Optional.empty();
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(text); // a literal: no name lookup happens
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
    byte[] b = address.getAddress();
    boolean dockerBridge = b.length == 4 && (b[0] & 0xff) == 172 && (b[1] & 0xff) == 17;
    if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
        || address.isMulticastAddress() || dockerBridge) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(address.getHostAddress());
  }

  private static @Nullable String mac(String raw) {
    String m = raw.strip().toLowerCase(Locale.ROOT).replace('-', ':');
    if (!MAC.matcher(m).matches()
        || m.equals("00:00:00:00:00:00")
        || m.equals("ff:ff:ff:ff:ff:ff")
        || m.startsWith("02:42:")) {
      return null;
    }
    return m;
  }

  private static @Nullable String dmiUuid(@Nullable String raw) {
    String uuid = blankToNull(raw);
    if (uuid == null) {
      return null;
    }
    uuid = uuid.toLowerCase(Locale.ROOT);
    return PLACEHOLDER_UUIDS.contains(uuid) ? null : uuid;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
