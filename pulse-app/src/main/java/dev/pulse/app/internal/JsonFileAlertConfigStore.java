package dev.pulse.app.internal;

import dev.pulse.domain.alert.AlertConfig;
import dev.pulse.domain.alert.AlertConfigStore;
import dev.pulse.http.AlertConfigCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the operator's alert tuning in {@code alerts.json} in the data dir, in the JSON of {@code
 * /api/alerts/config}: readable, and safe to edit by hand while Pulse is stopped. No secrets are in
 * it. Internal: not API.
 */
public final class JsonFileAlertConfigStore implements AlertConfigStore {

  private final Path file;
  private final AlertConfigCodec codec;

  public JsonFileAlertConfigStore(Path file, AlertConfigCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  @Override
  public synchronized AlertConfig load() {
    if (!Files.exists(file)) {
      return AlertConfig.DEFAULT;
    }
    try {
      return codec.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(AlertConfig config) {
    try {
      DataFiles.writeOwnerOnly(file, codec.write(config).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
