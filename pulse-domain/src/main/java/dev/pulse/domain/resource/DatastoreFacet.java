package dev.pulse.domain.resource;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Facts of a PBS datastore.
 *
 * @param dedupFactor logical bytes indexed per byte stored, from the last garbage collection
 * @param estimatedFull when PBS expects it to fill up; {@code null} when unknown
 * @param growing {@code false} when PBS sees no growth (it reports 0), {@code null} when unknown
 * @param lastGc when garbage collection last ran, {@code null} if never
 * @param error why the datastore is unavailable, {@code null} when it is fine
 * @param groups the backup groups, each with its latest snapshot; at most a capped number per cycle is refreshed
 * @param groupsTotal how many groups the datastore has, which may exceed {@code groups.size()}
 */
public record DatastoreFacet(
    String store,
    @Nullable Double dedupFactor,
    @Nullable Instant estimatedFull,
    @Nullable Boolean growing,
    @Nullable Instant lastGc,
    @Nullable String maintenance,
    @Nullable String error,
    List<BackupGroup> groups,
    int groupsTotal) {

  public DatastoreFacet {
    groups = List.copyOf(groups);
  }

  /**
   * A backup group and its latest snapshot.
   *
   * @param type {@code vm}, {@code ct} or {@code host}
   * @param id the guest id or host name; a string in PBS
   * @param verification the latest snapshot's verification: {@code ok}, {@code failed}, or {@code null} when never verified
   */
  public record BackupGroup(
      String namespace,
      String type,
      String id,
      @Nullable Instant lastBackup,
      int count,
      @Nullable Long lastSizeBytes,
      @Nullable String verification,
      boolean lastProtected,
      @Nullable String owner,
      @Nullable String comment) {}
}
