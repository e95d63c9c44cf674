package dev.pulse.domain.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns a {@link ConnectionDraft} into a {@link ConnectionConfig}, or names the field at fault. */
public final class ConnectionValidator {

  private static final int MAX_NAME = 100;
  private static final int MAX_SECRET = 512;
  private static final int MAX_ENDPOINTS = 16;
  private static final Pattern TOKEN_ID = Pattern.compile("[^@!\\s=:]+@[^@!\\s=:]+![A-Za-z][A-Za-z0-9._-]*");
  private static final Pattern USERNAME = Pattern.compile("[^@!\\s=:]+@[^@!\\s=:]+");

  private ConnectionValidator() {}

  /**
   * Validates the draft.
   *
   * @throws InvalidConnectionException naming the first field at fault
   */
  public static ConnectionConfig validate(String id, ConnectionDraft draft) {
    String types = Arrays.stream(ConnectionType.values()).map(ConnectionType::wireName).collect(Collectors.joining(", "));
    ConnectionType type = ConnectionType.fromWireName(required("type", draft.type()).strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new InvalidConnectionException("type", "type must be one of: " + types));
    String name = required("name", draft.name()).strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidConnectionException("name", "name must be at most " + MAX_NAME + " characters");
    }
    boolean insecureAllowed = type == ConnectionType.TRUENAS && Boolean.TRUE.equals(draft.allowInsecureTransport());
    List<URI> endpoints = new ArrayList<>();
    endpoints.add(parseUrl("url", required("url", draft.url()), insecureAllowed));
    if (draft.endpoints() != null) {
      for (String more : draft.endpoints()) {
        if (more != null && !more.isBlank()) {
          URI uri = parseUrl("endpoints", more, false);
          if (!endpoints.contains(uri)) {
            endpoints.add(uri);
          }
        }
      }
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      throw new InvalidConnectionException("endpoints", "at most " + MAX_ENDPOINTS + " endpoints are allowed");
    }
    if (type == ConnectionType.TRUENAS && endpoints.size() > 1) {
      throw new InvalidConnectionException("endpoints", "a TrueNAS connection has one URL");
    }
    Credentials credentials = type == ConnectionType.TRUENAS ? apiKey(draft, insecureAllowed) : credentials(draft);
    if (type != ConnectionType.TRUENAS && present(draft.apiKey())) {
      throw new InvalidConnectionException("apiKey", "apiKey is for TrueNAS; Proxmox uses tokenId and tokenSecret");
    }
    if (type == ConnectionType.PMG && credentials instanceof Credentials.ApiToken) {
      throw new InvalidConnectionException("tokenId", "Proxmox Mail Gateway has no API tokens: give username and password");
    }
    boolean verifyTls = draft.verifyTls() == null || draft.verifyTls();
    return new ConnectionConfig(id, type, name, endpoints, credentials, fingerprints(draft.fingerprint()), verifyTls,
        intervals(draft.intervals()));
  }

  private static Credentials apiKey(ConnectionDraft draft, boolean insecureAllowed) {
    if (present(draft.tokenId()) || present(draft.username())) {
      throw new InvalidConnectionException(present(draft.tokenId()) ? "tokenId" : "username",
          "TrueNAS takes an apiKey (Credentials → API Keys in its UI), not a token id or user");
    }
    return new Credentials.ApiKey(Secret.of(secret("apiKey", draft.apiKey(), true)), insecureAllowed);
  }

  private static Credentials credentials(ConnectionDraft draft) {
    boolean token = present(draft.tokenId()) || present(draft.tokenSecret());
    boolean password = present(draft.username()) || present(draft.password());
    if (token && password) {
      throw new InvalidConnectionException("tokenId", "give either tokenId and tokenSecret, or username and password, not both");
    }
    if (password) {
      String username = required("username", draft.username()).strip();
      if (!USERNAME.matcher(username).matches()) {
        throw new InvalidConnectionException("username", "username must look like USER@REALM, for example root@pam");
      }
      return new Credentials.UserPassword(username, Secret.of(secret("password", draft.password(), false)));
    }
    String tokenId = required("tokenId", draft.tokenId()).strip();
    if (!TOKEN_ID.matcher(tokenId).matches()) {
      throw new InvalidConnectionException("tokenId", "tokenId must look like USER@REALM!TOKENID, for example monitor@pve!pulse");
    }
    return new Credentials.ApiToken(tokenId, Secret.of(secret("tokenSecret", draft.tokenSecret(), true)));
  }

  private static String secret(String field, @Nullable String value, boolean oneWord) {
    String secret = required(field, value);
    if (oneWord) {
      secret = secret.strip();
    }
    if (secret.length() > MAX_SECRET || (oneWord && secret.chars().anyMatch(Character::isWhitespace))) {
      throw new InvalidConnectionException(field, field + " must be " + (oneWord ? "one word of " : "") + "at most " + MAX_SECRET + " characters");
    }
    return secret;
  }

  private static Set<String> fingerprints(@Nullable String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        out.add(CertificateFingerprint.normalize(part).orElseThrow(() -> new InvalidConnectionException(
            "fingerprint", "fingerprint must be SHA-256 fingerprints: 64 hex digits each, colons allowed, separated by commas")));
      }
    }
    return out;
  }

  private static PollIntervals intervals(ConnectionDraft.@Nullable Intervals i) {
    if (i == null) {
      return PollIntervals.DEFAULT;
    }
    Duration fast = seconds("intervals.fast", i.fast(), 2, 3600);
    Duration slow = seconds("intervals.slow", i.slow(), 10, 86_400);
    Duration disks = seconds("intervals.disks", i.disks(), 60, 86_400);
    Duration effectiveFast = fast == null ? Duration.ofSeconds(10) : fast;
    if (slow != null && slow.compareTo(effectiveFast) < 0) {
      throw new InvalidConnectionException("intervals.slow", "intervals.slow must not be shorter than intervals.fast");
    }
    return new PollIntervals(fast, slow, disks);
  }

  private static @Nullable Duration seconds(String field, @Nullable Integer value, int min, int max) {
    if (value == null) {
      return null;
    }
    if (value < min || value > max) {
      throw new InvalidConnectionException(field, field + " must be between " + min + " and " + max + " seconds");
    }
    return Duration.ofSeconds(value);
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidConnectionException(field, field + " is required");
    }
    return value;
  }

  private static URI parseUrl(String field, String text, boolean httpAllowed) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidConnectionException(field, field + " is not a valid URL: " + e.getReason());
    }
    boolean http = "http".equalsIgnoreCase(uri.getScheme());
    if (http && !httpAllowed && uri.getHost() != null) {
      throw new InvalidConnectionException(field, field + " must be https://: an API key sent over plain http is exposed"
          + " (TrueNAS revokes it); set allowInsecureTransport only if you accept that");
    }
    if (!("https".equalsIgnoreCase(uri.getScheme()) || http) || uri.getHost() == null) {
      throw new InvalidConnectionException(field, field + " must be https://host[:port], for example https://pve1:8006");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new InvalidConnectionException(field, field + " must not carry credentials, a query or a fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return URI.create((http ? "http://" : "https://") + uri.getRawAuthority() + path);
  }
}
