package dev.pulse.adapters.truenas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pulse.adapters.truenas.internal.AuthenticationFailed;
import dev.pulse.adapters.truenas.internal.TrueNasClient;
import dev.pulse.adapters.truenas.internal.TrueNasMapper;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ResourceCollector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects one TrueNAS system on two tiers. Every collection (the fast tier, 10 s by default) reads
 * {@code system.info} and the live figures TrueNAS pushes over the WebSocket ({@code
 * reporting.realtime}: CPU, memory, network and disk rates; {@code app.stats}: each app's CPU,
 * memory and network), so it costs TrueNAS one call. The inventory (pools, datasets, disks, alerts,
 * snapshots, replication, apps, VMs, shares, the boot pool) is read again once it is older than the
 * slow interval (60 s by default). A call that fails, times out or answers junk fails this
 * collection only; the next one reconnects. Never throws for a TrueNAS fault.
 */
public final class TrueNasCollector implements ResourceCollector {

  /** Live figures older than this (TrueNAS pushes them every 2 s) are shown as unknown. */
  static final Duration LIVE_MAX_AGE = Duration.ofSeconds(30);
  private static final List<String> LIVE_SOURCES = List.of(TrueNasMapper.REALTIME, TrueNasMapper.APP_STATS);

  private final TrueNasClient client;
  private final Clock clock;
  private final Duration inventoryEvery;
  private TrueNasMapper.Inventory inventory;
  private Instant inventoryReadAt;

  /** @param inventoryEvery how often pools, datasets, disks and the rest are read again */
  public TrueNasCollector(TrueNasEndpoint endpoint, Duration callTimeout, Duration inventoryEvery, Clock clock) {
    this.client = new TrueNasClient(endpoint, callTimeout, clock, LIVE_SOURCES);
    this.clock = clock;
    this.inventoryEvery = inventoryEvery;
  }

  @Override
  public String platform() {
    return TrueNasMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      JsonNode system = client.call("system.info", List.of());
      Instant now = clock.instant();
      if (inventory == null || Duration.between(inventoryReadAt, now).compareTo(inventoryEvery) >= 0) {
        inventory = readInventory();
        inventoryReadAt = now;
      }
      TrueNasMapper.Live live = new TrueNasMapper.Live(client.latest(TrueNasMapper.REALTIME, LIVE_MAX_AGE).orElse(null),
          client.latest(TrueNasMapper.APP_STATS, LIVE_MAX_AGE).orElse(null));
      return CollectionResult.success(TrueNasMapper.map(system, inventory, live, client.transport()));
    } catch (IOException | RuntimeException e) {
      return CollectionResult.failure(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CollectionResult.failure("interrupted");
    }
  }

  private TrueNasMapper.Inventory readInventory() throws IOException, InterruptedException {
    JsonNode pools = client.call("pool.query", List.of());
    JsonNode datasets = client.call("pool.dataset.query", List.of());
    JsonNode disks = client.call("disk.query", List.of());
    List<String> names = new ArrayList<>();
    disks.forEach(d -> names.add(d.path("name").asText()));
    JsonNode temps = client.call("disk.temperatures", List.of(Map.of("names", names)));
    JsonNode alerts = client.call("alert.list", List.of());
    return new TrueNasMapper.Inventory(pools, datasets, disks, temps, alerts, optional("zfs.snapshot.query"),
        optional("replication.query"), optional("app.query"), optional("vm.query"), optional("smart.test.results"),
        optional("network.general.summary"), optional("sharing.smb.query"), optional("sharing.nfs.query"),
        optional("boot.get_state"));
  }

  /**
   * A family not every release has (apps arrived with SCALE 24.10, CORE has no {@code app.query}):
   * an empty node when the call is refused, but a refused key or a broken connection still fails.
   */
  private JsonNode optional(String method) throws IOException, InterruptedException {
    try {
      return client.call(method, List.of());
    } catch (AuthenticationFailed | TrueNasClient.InsecureTransport e) {
      throw e;
    } catch (IOException e) {
      if (e.getMessage() != null && (e.getMessage().contains("Method not found") || e.getMessage().contains("HTTP 404"))) {
        return JsonNodeFactory.instance.arrayNode();
      }
      throw e;
    }
  }

  /** {@code websocket} or {@code rest}: how the last collection reached TrueNAS. */
  public String transport() {
    return client.transport();
  }

  @Override
  public void close() {
    client.close();
  }
}
