package dev.pulse.domain.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns a {@link ConnectionDraft} into a {@link ConnectionConfig}, or names the field at fault. */
public final class ConnectionValidator {

  private static final int MAX_NAME = 100;
  private static final int MAX_SECRET = 512;
  private static final Pattern PVE_TOKEN_ID =
      Pattern.compile("[^@!\\s=]+@[^@!\\s=]+![A-Za-z][A-Za-z0-9._-]*");

  private ConnectionValidator() {}

  /**
   * Validates the draft.
   *
   * @throws InvalidConnectionException naming the first field at fault
   */
  public static ConnectionConfig validate(String id, ConnectionDraft draft) {
    ConnectionType type =
        ConnectionType.fromWireName(required("type", draft.type()).toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new InvalidConnectionException("type", "type must be one of: pve"));
    String name = required("name", draft.name()).strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidConnectionException("name", "name must be at most " + MAX_NAME + " characters");
    }
    URI url = parseUrl(required("url", draft.url()));
    String tokenId = required("tokenId", draft.tokenId()).strip();
    if (!PVE_TOKEN_ID.matcher(tokenId).matches()) {
      throw new InvalidConnectionException(
          "tokenId", "tokenId must look like USER@REALM!TOKENID, for example monitor@pve!pulse");
    }
    String secret = required("tokenSecret", draft.tokenSecret()).strip();
    if (secret.length() > MAX_SECRET || secret.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidConnectionException("tokenSecret", "tokenSecret must be one word of at most " + MAX_SECRET + " characters");
    }
    String fingerprint = null;
    if (draft.fingerprint() != null && !draft.fingerprint().isBlank()) {
      fingerprint =
          CertificateFingerprint.normalize(draft.fingerprint())
              .orElseThrow(
                  () ->
                      new InvalidConnectionException(
                          "fingerprint", "fingerprint must be a SHA-256 fingerprint: 64 hex digits, colons allowed"));
    }
    boolean verifyTls = draft.verifyTls() == null || draft.verifyTls();
    return new ConnectionConfig(id, type, name, url, tokenId, Secret.of(secret), fingerprint, verifyTls);
  }

  private static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidConnectionException(field, field + " is required");
    }
    return value;
  }

  private static URI parseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidConnectionException("url", "url is not a valid URL: " + e.getReason());
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidConnectionException("url", "url must be https://host[:port], for example https://pve1:8006");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new InvalidConnectionException("url", "url must not carry credentials, a query or a fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return URI.create("https://" + uri.getRawAuthority() + path);
  }
}
