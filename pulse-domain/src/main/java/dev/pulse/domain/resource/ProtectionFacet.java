package dev.pulse.domain.resource;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a guest is protected: its last backup task, its newest backup on storage, and its
 * replication jobs. {@code null} fields are unknown.
 *
 * @param lastBackupTask the newest vzdump task that names this guest
 * @param newestBackup the newest backup volume of this guest on any storage
 */
public record ProtectionFacet(@Nullable BackupTask lastBackupTask, @Nullable BackupVolume newestBackup,
    List<Replication> replication) {

  public ProtectionFacet {
    replication = List.copyOf(replication);
  }

  /**
   * A vzdump task.
   *
   * @param outcome {@code ok}, {@code warning}, {@code error} or {@code running}
   */
  public record BackupTask(String node, Instant started, @Nullable Instant ended, String outcome, @Nullable String status) {}

  /**
   * A backup on storage.
   *
   * @param verification {@code ok}, {@code failed}, or {@code null} when never verified or not on PBS
   */
  public record BackupVolume(String volid, String storage, Instant created, @Nullable Long sizeBytes, boolean isProtected,
      @Nullable String verification) {}

  /**
   * A replication job of the guest.
   *
   * @param failCount failed runs in a row; 0 when healthy
   */
  public record Replication(String id, @Nullable String source, String target, @Nullable Instant lastSync,
      @Nullable Instant nextSync, @Nullable Double durationSeconds, int failCount, @Nullable String error) {}
}
