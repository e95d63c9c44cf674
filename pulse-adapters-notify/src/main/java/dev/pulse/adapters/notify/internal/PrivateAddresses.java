package dev.pulse.adapters.notify.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether a URL points inside the network: loopback, private (RFC 1918, IPv6 unique-local),
 * link-local or unspecified. Webhooks are refused there unless the operator allowed it, so that a
 * channel cannot be used to reach internal services. Internal: not API.
 */
public final class PrivateAddresses {

  private PrivateAddresses() {}

  /** The first inside address the URL's host resolves to, or {@code null} when there is none. */
  public static String inside(URI url) throws UnknownHostException {
    String host = url.getHost();
    if (host == null) {
      throw new UnknownHostException("no host in " + url);
    }
    for (InetAddress a : InetAddress.getAllByName(host)) {
      if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
          || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc)) {
        return a.getHostAddress();
      }
    }
    return null;
  }
}
