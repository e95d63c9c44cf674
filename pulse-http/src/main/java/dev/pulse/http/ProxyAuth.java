package dev.pulse.http;

import dev.pulse.domain.security.Role;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sign-in by a trusted reverse proxy (Authelia, Authentik, oauth2-proxy…): a request from one of
 * the proxy's networks that carries the shared secret in {@code X-Pulse-Proxy-Secret} is the person
 * the user header names. Their roles come from the groups header through {@code groupRoles}, else
 * {@code defaultRole}. The proxy must strip these headers from what clients send.
 *
 * @param trusted the proxy's networks, as CIDRs ({@code 10.0.0.0/8}, {@code ::1/128})
 */
public record ProxyAuth(String userHeader, String secret, List<String> trusted, String groupsHeader,
    Map<String, String> groupRoles, String defaultRole) {

  public static final String SECRET_HEADER = "X-Pulse-Proxy-Secret";

  public ProxyAuth {
    Objects.requireNonNull(userHeader, "userHeader");
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the proxy's shared secret must be at least 16 characters");
    }
    trusted = List.copyOf(trusted);
    if (trusted.isEmpty()) {
      throw new IllegalArgumentException("proxy sign-in needs the proxy's networks");
    }
    trusted.forEach(ProxyAuth::parse);
    groupRoles = Map.copyOf(groupRoles);
    defaultRole = defaultRole == null ? Role.VIEWER.name() : defaultRole;
  }

  /** Whether the address is in one of the trusted networks. */
  public boolean trusts(String address) {
    try {
      byte[] a = InetAddress.getByName(address).getAddress();
      for (String cidr : trusted) {
        if (contains(cidr, a)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The roles for these groups (comma-separated, as proxies send them). */
  public Set<String> roles(String groups) {
    Set<String> roles = new LinkedHashSet<>();
    if (groups != null) {
      Arrays.stream(groups.split("[,;]")).map(String::strip).map(groupRoles::get).filter(Objects::nonNull).forEach(roles::add);
    }
    return roles.isEmpty() ? Set.of(defaultRole) : roles;
  }

  /** Without the secret. */
  @Override
  public String toString() {
    return "ProxyAuth[userHeader=" + userHeader + ", secret=****, trusted=" + trusted + ", groupsHeader=" + groupsHeader
        + ", groupRoles=" + groupRoles + ", defaultRole=" + defaultRole + "]";
  }

  private static boolean contains(String cidr, byte[] address) {
    Network n = parse(cidr);
    if (n.address().length != address.length) {
      return false;
    }
    int bits = n.address().length * 8;
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(n.prefix()).not();
    return new BigInteger(1, n.address()).and(mask).equals(new BigInteger(1, address).and(mask));
  }

  private record Network(byte[] address, int prefix) {}

  private static Network parse(String cidr) {
    String[] parts = cidr.strip().split("/");
    try {
      if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException();
      }
      byte[] a = InetAddress.getByName(parts[0]).getAddress();
      int prefix = Integer.parseInt(parts[1]);
      if (prefix < 0 || prefix > a.length * 8) {
        throw new IllegalArgumentException();
      }
      return new Network(a, prefix);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new IllegalArgumentException(cidr + " is not a network like 10.0.0.0/8 or fd00::/8");
    }
  }
}
