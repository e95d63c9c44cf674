package dev.pulse.app.internal;

import dev.pulse.http.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time token that lets the first admin be created: kept in {@code .bootstrap-token} (0600)
 * in the data dir until setup is done, then deleted. A restart before setup reuses it. In demo mode
 * there is no file: the token lives in memory only. Internal: not API.
 */
public final class BootstrapToken implements Accounts.Bootstrap {

  private final Path file;
  private volatile String token;

  private BootstrapToken(Path file, String token) {
    this.file = file;
    this.token = token;
  }

  /** @param file where the token is kept, or {@code null} to keep it in memory only */
  public static BootstrapToken load(Path file) throws IOException {
    if (file != null && Files.exists(file)) {
      return new BootstrapToken(file, Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    if (file != null) {
      DataFiles.writeOwnerOnly(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    return new BootstrapToken(file, token);
  }

  /** The token, to print once at start; {@code null} once used. */
  public String token() {
    return token;
  }

  @Override
  public boolean accepts(String presented) {
    String t = token;
    return t != null && presented != null
        && MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void used() {
    token = null;
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not remove " + file + ": delete it by hand", e);
      }
    }
  }
}
