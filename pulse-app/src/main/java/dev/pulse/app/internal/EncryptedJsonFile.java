package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A list kept as JSON in one AES-GCM-encrypted file of the data dir, written atomically and
 * readable by the owner only: nothing of it can be read without the key. Internal: not API.
 *
 * @param <T> the stored form of one item
 */
final class EncryptedJsonFile<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SecretCipher cipher;
  private final TypeReference<List<T>> type;

  EncryptedJsonFile(Path file, SecretCipher cipher, TypeReference<List<T>> type) {
    this.file = file;
    this.cipher = cipher;
    this.type = type;
  }

  /** The items, or none when the file does not exist yet. */
  List<T> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(cipher.decrypt(Files.readAllBytes(file)), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void write(List<T> items) {
    try {
      DataFiles.writeOwnerOnly(file, cipher.encrypt(JSON.writeValueAsBytes(items)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
