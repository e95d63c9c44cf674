package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.PbsGroupTier;
import dev.pulse.adapters.proxmox.internal.PbsMapper;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiException;
import dev.pulse.adapters.proxmox.internal.PrivilegeCheck;
import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.resource.PbsFacet;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a Proxmox Backup Server in tiers:
 *
 * <ul>
 *   <li>every collection: {@code /nodes/localhost/status} and {@code /status/datastore-usage} (2 requests);
 *   <li>slow tier (default 60 s): {@code /version}, the datastore list, the GC, verify, sync and
 *       prune jobs, every datastore's backup groups, and the latest snapshot of at most 25 groups
 *       (new backups first, then the rest in turn).
 * </ul>
 *
 * Privileges are checked on the first collection and every 10 minutes. Called by one thread at a time.
 */
public final class PbsCollector implements ResourceCollector {

  private static final int SNAPSHOT_READS_PER_CYCLE = 25;

  private final String name;
  private final ProxmoxApiClient client;
  private final Clock clock;
  private final Duration slowEvery;
  private final PbsGroupTier groups = new PbsGroupTier(SNAPSHOT_READS_PER_CYCLE);
  private final PrivilegeCheck privileges;
  private Instant slowRanAt;
  private JsonNode version;
  private List<PbsFacet.Job> jobs = List.of();
  private Map<String, String> maintenance = Map.of();
  private Map<String, Instant> lastGc = Map.of();

  public PbsCollector(ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this.name = connection.name();
    this.privileges = new PrivilegeCheck(ProxmoxProduct.PBS, connection.credentials().principal(), clock);
    this.client = new ProxmoxApiClient(ProxmoxProduct.PBS, connection, requestTimeout, clock);
    this.clock = clock;
    this.slowEvery = connection.intervals().slowOrDefault();
  }

  @Override
  public String platform() {
    return PbsMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      Instant now = clock.instant();
      String privilegeProblem = privileges.failureWhenDue(client);
      if (privilegeProblem != null) {
        return CollectionResult.failure(privilegeProblem);
      }
      JsonNode status = client.get("/nodes/localhost/status");
      JsonNode usage = client.get("/status/datastore-usage");
      if (slowRanAt == null || Duration.between(slowRanAt, now).compareTo(slowEvery) >= 0) {
        refreshSlow(usage);
        slowRanAt = now;
      }
      List<ObservedResource> out = new ArrayList<>();
      out.add(PbsMapper.server(name, status, version, jobs));
      for (JsonNode store : usage) {
        String storeName = PveJson.text(store, "store");
        if (storeName != null) {
          out.add(PbsMapper.datastore(name, store, maintenance.get(storeName), lastGc.get(storeName),
              groups.groups(storeName), groups.groupsTotal(storeName)));
        }
      }
      return CollectionResult.success(out).withWarnings(privileges.warnings());
    } catch (ProxmoxApiException e) {
      return CollectionResult.failure(e.getMessage());
    }
  }

  private void refreshSlow(JsonNode usage) throws ProxmoxApiException {
    version = client.get("/version");
    Map<String, String> newMaintenance = new HashMap<>();
    for (JsonNode store : client.get("/admin/datastore")) {
      String maint = PveJson.text(store, "maintenance");
      if (maint != null) {
        newMaintenance.put(PveJson.text(store, "store"), maint);
      }
    }
    maintenance = newMaintenance;
    List<PbsFacet.Job> newJobs = new ArrayList<>();
    Map<String, Instant> newGc = new HashMap<>();
    for (JsonNode gc : client.get("/admin/gc")) {
      PbsFacet.Job job = PbsMapper.job("gc", gc);
      newJobs.add(job);
      if (job.store() != null && job.lastRunEnd() != null) {
        newGc.put(job.store(), job.lastRunEnd());
      }
    }
    for (String kind : List.of("verify", "sync", "prune")) {
      for (JsonNode j : client.get("/admin/" + kind)) {
        newJobs.add(PbsMapper.job(kind, j));
      }
    }
    jobs = newJobs;
    lastGc = newGc;
    List<String> available = new ArrayList<>();
    for (JsonNode store : usage) {
      if (PveJson.text(store, "error") == null && PveJson.text(store, "store") != null) {
        available.add(PveJson.text(store, "store"));
      }
    }
    groups.refresh(client, available);
  }
}
