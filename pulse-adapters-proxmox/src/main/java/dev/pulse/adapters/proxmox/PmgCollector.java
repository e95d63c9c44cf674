package dev.pulse.adapters.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.proxmox.internal.PmgMapper;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiException;
import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.resource.PmgFacet;
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
 * Collects a Proxmox Mail Gateway cluster, logging in for a ticket (PMG has no API tokens):
 *
 * <ul>
 *   <li>every collection: {@code /config/cluster/status?list_single_node=1} (1 request);
 *   <li>slow tier (default 60 s): {@code /version}, {@code /statistics/mail} (24 h), {@code
 *       /quarantine/spamstatus}, and per reachable node the four queue totals ({@code
 *       …/postfix/queue/{queue}?limit=1}, whose {@code total} counts recipients) and the deferred
 *       queue's {@code qshape}.
 * </ul>
 *
 * Called by one thread at a time.
 */
public final class PmgCollector implements ResourceCollector {

  private static final List<String> QUEUES = List.of("active", "deferred", "hold", "incoming");

  private final ProxmoxApiClient client;
  private final Clock clock;
  private final Duration slowEvery;
  private Instant slowRanAt;
  private String version;
  private PmgFacet.Mail mail;
  private PmgFacet.Quarantine quarantine;
  private Map<String, PmgFacet.Queues> queues = Map.of();

  public PmgCollector(ConnectionConfig connection, Duration requestTimeout, Clock clock) {
    this.client = new ProxmoxApiClient(ProxmoxProduct.PMG, connection, requestTimeout, clock);
    this.clock = clock;
    this.slowEvery = connection.intervals().slowOrDefault();
  }

  @Override
  public String platform() {
    return PmgMapper.PLATFORM;
  }

  @Override
  public CollectionResult collect() {
    try {
      JsonNode nodes = client.get("/config/cluster/status?list_single_node=1");
      Instant now = clock.instant();
      if (slowRanAt == null || Duration.between(slowRanAt, now).compareTo(slowEvery) >= 0) {
        refreshSlow(nodes);
        slowRanAt = now;
      }
      List<ObservedResource> out = new ArrayList<>();
      for (JsonNode entry : nodes) {
        String name = PveJson.text(entry, "name");
        if (name != null) {
          out.add(PmgMapper.node(entry, version, queues.get(name), mail, quarantine));
        }
      }
      return CollectionResult.success(out);
    } catch (ProxmoxApiException e) {
      return CollectionResult.failure(e.getMessage());
    }
  }

  private void refreshSlow(JsonNode nodes) throws ProxmoxApiException {
    version = PveJson.text(client.get("/version"), "version");
    mail = PmgMapper.mail(client.get("/statistics/mail"));
    quarantine = PmgMapper.quarantine(client.get("/quarantine/spamstatus"));
    Map<String, PmgFacet.Queues> newQueues = new HashMap<>();
    for (JsonNode entry : nodes) {
      String name = PveJson.text(entry, "name");
      if (name == null || PveJson.text(entry, "conn_error") != null) {
        continue;
      }
      try {
        Map<String, Long> totals = new HashMap<>();
        for (String queue : QUEUES) {
          totals.put(queue, client.getPage("/nodes/" + name + "/postfix/queue/" + queue + "?limit=1").total());
        }
        Long oldest = PmgMapper.oldestMinutes(client.getBehindEndpoint("/nodes/" + name + "/postfix/qshape?queue=deferred"));
        newQueues.put(name, new PmgFacet.Queues(totals.get("active"), totals.get("deferred"), totals.get("hold"),
            totals.get("incoming"), oldest));
      } catch (ProxmoxApiException e) {
        if (queues.containsKey(name)) {
          newQueues.put(name, queues.get(name)); // keep the last known counts of a node that did not answer
        }
      }
    }
    queues = newQueues;
  }
}
