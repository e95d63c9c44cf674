package dev.pulse.app.internal;

import dev.pulse.domain.connection.SecretCipher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per message; the output is {@code nonce || ciphertext+tag}.
 * The key lives in a file of the data dir readable by the owner only. Thread-safe. Internal: not API.
 */
public final class AesGcmCipher implements SecretCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  AesGcmCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the key must be 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key from {@code PULSE_ENCRYPTION_KEY} (base64 of 32 bytes) when given, else from the key file.
   *
   * @throws IllegalArgumentException when the given key is not base64 of 32 bytes
   */
  public static AesGcmCipher load(String base64Key, Path file) throws IOException {
    if (base64Key == null || base64Key.isBlank()) {
      return fromKeyFile(file);
    }
    byte[] key;
    try {
      key = java.util.Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("PULSE_ENCRYPTION_KEY must be the base64 of 32 bytes (openssl rand -base64 32)");
    }
    return new AesGcmCipher(key);
  }

  /**
   * A key for another purpose derived from this one (HMAC-SHA256 of the purpose), so that one key
   * file is all there is to back up.
   */
  public byte[] derive(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Loads the key file, creating it with a fresh random key (mode 0600) when absent. */
  public static AesGcmCipher fromKeyFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      DataFiles.writeOwnerOnly(file, key);
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != 32) {
      throw new IOException(file + " must hold exactly 32 bytes; it holds " + key.length);
    }
    return new AesGcmCipher(key);
  }

  @Override
  public byte[] encrypt(byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] sealed) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("the encrypted data is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the encrypted data was tampered with or the key is wrong", e);
    }
  }
}
