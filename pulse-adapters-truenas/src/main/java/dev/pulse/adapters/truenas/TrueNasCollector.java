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
import java.util.List;
import java.util.Map;

/**
 * Collects one TrueNAS system: system info, pools with their vdev trees, datasets, disks with
 * temperatures, and TrueNAS's alerts. A call that fails, times out or answers junk fails this
 * collection only; the next one reconnects. Never throws for a TrueNAS fault.
 */
public final class TrueNasCollector implements ResourceCollector {

  private final TrueNasClient client;

  public TrueNasCollector(TrueNasEndpoint endpoint, Duration callTimeout, Clock clock) {
    this.client = new TrueNasClient(endpoint, callTimeout, clock);
  }

  @Override
  public String platform() {
    return TrueNasMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      JsonNode system = client.call("system.info", List.of());
      JsonNode pools = client.call("pool.query", List.of());
      JsonNode datasets = client.call("pool.dataset.query", List.of());
      JsonNode disks = client.call("disk.query", List.of());
      java.util.List<String> names = new java.util.ArrayList<>();
      disks.forEach(d -> names.add(d.path("name").asText()));
      JsonNode temps = client.call("disk.temperatures", List.of(Map.of("names", names)));
      JsonNode alerts = client.call("alert.list", List.of());
      return CollectionResult.success(TrueNasMapper.map(new TrueNasMapper.Answers(system, pools, datasets, disks, temps, alerts,
          optional("zfs.snapshot.query"), optional("replication.query"), optional("app.query"), optional("vm.query"),
          optional("smart.test.results"), optional("network.general.summary"), optional("sharing.smb.query"),
          optional("sharing.nfs.query"), client.transport())));
    } catch (IOException | RuntimeException e) {
      return CollectionResult.failure(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CollectionResult.failure("interrupted");
    }
  }

  /**
   * A family not every release has (apps arrived with SCALE 24.10, CORE has no {@code app.query}):
   * an empty list when the call is refused, but a refused key or a broken connection still fails.
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
