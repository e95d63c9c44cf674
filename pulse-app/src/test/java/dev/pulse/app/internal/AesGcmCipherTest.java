package dev.pulse.app.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmCipherTest {

  @TempDir Path dir;

  @Test
  void whatIsEncryptedDecryptsWithTheSameKeyFile() throws Exception {
    byte[] plain = "token secret".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = AesGcmCipher.fromKeyFile(dir.resolve("k")).encrypt(plain);

    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("token secret"));
    assertArrayEquals(plain, AesGcmCipher.fromKeyFile(dir.resolve("k")).decrypt(sealed));
  }

  @Test
  void theKeyFileIsReadableByTheOwnerOnly() throws Exception {
    AesGcmCipher.fromKeyFile(dir.resolve("k"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k"))));
  }

  @Test
  void tamperedDataOrAnotherKeyIsRefused() throws Exception {
    byte[] sealed = AesGcmCipher.fromKeyFile(dir.resolve("k")).encrypt(new byte[] {1, 2, 3});
    byte[] tampered = Arrays.copyOf(sealed, sealed.length);
    tampered[tampered.length - 1] ^= 1;

    assertThrows(IllegalStateException.class, () -> AesGcmCipher.fromKeyFile(dir.resolve("k")).decrypt(tampered));
    assertThrows(IllegalStateException.class, () -> AesGcmCipher.fromKeyFile(dir.resolve("other")).decrypt(sealed));
  }
}
