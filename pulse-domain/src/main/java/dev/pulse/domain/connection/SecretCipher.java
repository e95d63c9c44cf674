package dev.pulse.domain.connection;

/** Port: encrypts data at rest. Implementations authenticate what they decrypt. */
public interface SecretCipher {

  byte[] encrypt(byte[] plain);

  /**
   * Decrypts data made by {@link #encrypt(byte[])}.
   *
   * @throws IllegalStateException when the data was tampered with or the key is wrong
   */
  byte[] decrypt(byte[] sealed);
}
