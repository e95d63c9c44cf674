package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.HostFacet;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.PmgFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps Proxmox Mail Gateway answers: cluster nodes from {@code /config/cluster/status} (an
 * unreachable node has {@code conn_error} and no figures), mail statistics whose numbers may be
 * strings, and qshape buckets that are all strings. Pure. Internal: not API.
 */
public final class PmgMapper {

  public static final String PLATFORM = "pmg";
  private static final String[] QSHAPE_BUCKETS = {"1280m+", "1280m", "640m", "320m", "160m", "80m", "40m", "20m", "10m", "5m"};

  private PmgMapper() {}

  public static ObservedResource node(JsonNode entry, String version, PmgFacet.Queues queues, PmgFacet.Mail mail,
      PmgFacet.Quarantine quarantine) {
    String name = text(entry, "name");
    String role = text(entry, "type") == null ? "node" : text(entry, "type");
    boolean unreachable = text(entry, "conn_error") != null;
    Boolean inSync = entry.has("insync") ? PveJson.flag(entry, "insync") : null;
    Metrics metrics = Metrics.UNKNOWN;
    HostFacet host = null;
    if (!unreachable) {
      Double cpu = number(entry, "cpu");
      metrics = Metrics.of(cpu == null ? null : CpuMetric.fromFraction(cpu, 0, PLATFORM),
          UsageMetric.of(whole(entry.path("memory"), "used"), whole(entry.path("memory"), "total"), PLATFORM), null);
      List<Double> load = new ArrayList<>();
      for (int i = 0; i < entry.path("loadavg").size(); i++) {
        Double v = PveJson.number(entry.path("loadavg"), i);
        if (v != null) {
          load.add(v);
        }
      }
      host = new HostFacet(null, text(entry, "pmgversion"), null, null, null, null, load, null, null, null);
    }
    boolean master = role.equals("master");
    PmgFacet facet = new PmgFacet(version, role, inSync, queues, master ? mail : null, master ? quarantine : null);
    ResourceStatus status = unreachable ? ResourceStatus.OFFLINE : Boolean.FALSE.equals(inSync) ? ResourceStatus.WARNING
        : ResourceStatus.ONLINE;
    String ip = text(entry, "ip");
    return new ObservedResource(SourceKeys.of("pmg-", name), ResourceType.PMG, name, status, null,
        new Identity(null, null, List.of(name), ip == null ? List.of() : List.of(ip), List.of()), metrics, List.of(),
        Facets.NONE.withHost(host).withPmg(facet));
  }

  public static PmgFacet.Mail mail(JsonNode s) {
    return new PmgFacet.Mail(whole(s, "count"), whole(s, "count_in"), whole(s, "count_out"), whole(s, "spamcount_in"),
        whole(s, "viruscount_in"), whole(s, "bounces_in"), whole(s, "rbl_rejects"), whole(s, "bytes_in"), number(s, "avptime"));
  }

  public static PmgFacet.Quarantine quarantine(JsonNode s) {
    return new PmgFacet.Quarantine(whole(s, "count"), number(s, "mbytes"), number(s, "avgspam"));
  }

  /** The lower bound, in minutes, of the oldest non-empty age bucket of qshape's TOTAL row. */
  public static Long oldestMinutes(JsonNode qshape) {
    for (JsonNode row : qshape) {
      if (!"TOTAL".equals(text(row, "domain"))) {
        continue;
      }
      for (String bucket : QSHAPE_BUCKETS) {
        Long count = whole(row, bucket);
        if (count != null && count > 0) {
          return Long.parseLong(bucket.replace("m", "").replace("+", ""));
        }
      }
      return 0L;
    }
    return null;
  }
}
