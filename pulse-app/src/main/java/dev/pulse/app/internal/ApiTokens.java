package dev.pulse.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * The admin API token, for automated and headless deployments: {@code PULSE_API_TOKEN} if set, or
 * one an earlier version generated and kept as {@code api-token.sha256}; otherwise none (people
 * sign in, and issue scoped tokens). Only its SHA-256 is kept, in memory; presented tokens are
 * hashed and compared in constant time. Internal: not API.
 */
public final class ApiTokens implements Predicate<String> {

  private final byte[] hash;

  private ApiTokens(byte[] hash) {
    this.hash = hash;
  }

  /**
   * @param fixed the configured token, or {@code null}
   * @param hashFile where an earlier version kept a generated token's hash
   */
  public static ApiTokens load(String fixed, Path hashFile) throws IOException {
    if (fixed != null) {
      return new ApiTokens(sha256(fixed));
    }
    if (Files.exists(hashFile)) {
      String hex = Files.readString(hashFile, StandardCharsets.US_ASCII).strip();
      return new ApiTokens(HexFormat.of().parseHex(hex));
    }
    return new ApiTokens(null);
  }

  /** Whether there is an admin token at all. */
  public boolean configured() {
    return hash != null;
  }

  @Override
  public boolean test(String presented) {
    return hash != null && presented != null && MessageDigest.isEqual(hash, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
