package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.PveApiClient;
import dev.pulse.adapters.proxmox.internal.PveApiException;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.adapters.proxmox.internal.PveMapper;
import dev.pulse.adapters.proxmox.internal.PvePrivileges;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a Proxmox VE cluster's nodes, guests and storage. Each collection reads {@code
 * /cluster/status}, {@code /cluster/resources} and {@code /nodes/{node}/status} for each online
 * node: 2 + (online nodes) requests, whatever the number of guests. A node whose status call fails
 * keeps the figures {@code /cluster/resources} gave. The credentials' privileges are checked on the
 * first collection and every 10 minutes, because PVE hides what a token may not see instead of
 * refusing.
 */
public final class PveCollector implements ResourceCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PveCollector.class);
  private static final Duration PRIVILEGE_CHECK_EVERY = Duration.ofMinutes(10);

  private final String name;
  private final String principal;
  private final PveApiClient client;
  private final Clock clock;
  private Instant privilegesCheckedAt;

  public PveCollector(ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this.name = connection.name();
    this.principal = connection.credentials().principal();
    this.client = new PveApiClient(connection, requestTimeout, clock);
    this.clock = clock;
  }

  @Override
  public String platform() {
    return PveMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      String privilegeProblem = checkPrivilegesWhenDue();
      if (privilegeProblem != null) {
        return CollectionResult.failure(privilegeProblem);
      }
      JsonNode clusterStatus = client.get("/cluster/status");
      JsonNode resources = client.get("/cluster/resources");
      if (!resources.isArray() || !clusterStatus.isArray()) {
        return CollectionResult.failure("the cluster endpoints did not answer lists");
      }
      Map<String, String> ips = new HashMap<>();
      for (JsonNode entry : clusterStatus) {
        String node = PveJson.text(entry, "name");
        String ip = PveJson.text(entry, "ip");
        if ("node".equals(PveJson.text(entry, "type")) && node != null && ip != null) {
          ips.put(node, ip);
        }
      }
      return CollectionResult.success(PveMapper.map(resources, ips, nodeStatuses(resources)));
    } catch (PveApiException e) {
      return CollectionResult.failure(e.getMessage());
    }
  }

  private Map<String, JsonNode> nodeStatuses(JsonNode resources) {
    Map<String, JsonNode> nodeStatus = new HashMap<>();
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
    return nodeStatus;
  }

  /** Returns the problem when privileges are missing, {@code null} when fine or not due. */
  private String checkPrivilegesWhenDue() throws PveApiException {
    Instant now = clock.instant();
    if (privilegesCheckedAt != null && Duration.between(privilegesCheckedAt, now).compareTo(PRIVILEGE_CHECK_EVERY) < 0) {
      return null;
    }
    List<String> missing = PvePrivileges.missing(client.get("/access/permissions"));
    if (!missing.isEmpty()) {
      return PvePrivileges.explain(missing, principal); // checked again next cycle, so a fix shows at once
    }
    privilegesCheckedAt = now;
    return null;
  }
}
