package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.PveApiClient;
import dev.pulse.adapters.proxmox.internal.PveApiException;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.adapters.proxmox.internal.PveMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a Proxmox VE cluster's nodes, guests and storage. Each collection reads {@code
 * /cluster/status}, {@code /cluster/resources} and {@code /nodes/{node}/status} for each online
 * node. A node whose status call fails keeps the figures {@code /cluster/resources} gave.
 */
public final class PveCollector implements ResourceCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PveCollector.class);

  private final String name;
  private final PveApiClient client;

  public PveCollector(ConnectionConfig connection, Duration requestTimeout) {
    this.name = connection.name();
    this.client = new PveApiClient(connection.url(), connection.tokenId(), connection.tokenSecret().reveal(),
        connection.fingerprint(), connection.verifyTls(), requestTimeout);
  }

  @Override
  public String platform() {
    return PveMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      JsonNode clusterStatus = client.get("/cluster/status");
      JsonNode resources = client.get("/cluster/resources");
      if (!resources.isArray() || !clusterStatus.isArray()) {
        return CollectionResult.failure("the cluster endpoints did not answer lists");
      }
      Map<String, String> ips = new HashMap<>();
      Map<String, JsonNode> nodeStatus = new HashMap<>();
      for (JsonNode entry : clusterStatus) {
        String node = PveJson.text(entry, "name");
        String ip = PveJson.text(entry, "ip");
        if ("node".equals(PveJson.text(entry, "type")) && node != null && ip != null) {
          ips.put(node, ip);
        }
      }
      for (JsonNode item : resources) {
        String node = PveJson.text(item, "node");
        if ("node".equals(PveJson.text(item, "type")) && "online".equals(PveJson.text(item, "status")) && node != null) {
          try {
            nodeStatus.put(node, client.get("/nodes/" + node + "/status"));
          } catch (PveApiException e) {
            LOG.debug("{}: status of node {} unavailable: {}", name, node, e.getMessage());
          }
        }
      }
      return CollectionResult.success(PveMapper.map(resources, ips, nodeStatus));
    } catch (PveApiException e) {
      return CollectionResult.failure(e.getMessage());
    }
  }
}
