package dev.pulse.http.internal;

/**
 * Whether a raw request path can be percent-decoded: every {@code %} followed by two hex digits.
 * Javalin decodes path parameters with {@link java.net.URLDecoder}, which throws on anything else.
 * Internal: not API.
 */
final class PathEscapes {

  /** The request attribute set on a request refused for its path, so nothing after reads its parameters. */
  static final String MALFORMED = "pulse.path.malformed";

  private PathEscapes() {}

  static boolean wellFormed(String rawPath) {
    for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
      if (i + 2 >= rawPath.length() || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
