package dev.pulse.adapters.agents.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Kubernetes cluster's API and builds Pulse's Kubernetes report ({@code
 * /api/agents/kubernetes/report}): nodes with conditions, capacity and allocatable; pods with phase,
 * restarts and why they are unwell; deployments; and usage from {@code metrics.k8s.io} when
 * metrics-server is installed (its 404 or 503 just means no usage). Lists are read in pages of 500
 * and restarted once when the server says the continue token expired (410). At most {@code podCap}
 * pods are reported, unwell ones first. Not thread-safe: one agent loop uses it.
 */
public final class KubernetesCollector {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  private final KubernetesAccess access;
  private final Duration timeout;
  private final int podCap;
  private final Clock clock;
  private final HttpClient http;

  public KubernetesCollector(KubernetesAccess access, Duration timeout, int podCap, Clock clock) {
    this.access = access;
    this.timeout = timeout;
    this.podCap = podCap;
    this.clock = clock;
    this.http = HttpClient.newBuilder().sslContext(access.tls()).connectTimeout(timeout).build();
  }

  /**
   * One report.
   *
   * @throws IOException when the API cannot be reached, refuses the token, or answers an error
   */
  public Map<String, Object> collect(String agentId, String agentVersion, int intervalSeconds) throws IOException, InterruptedException {
    JsonNode version = get("/version").body();
    List<JsonNode> nodes = list("/api/v1/nodes");
    List<JsonNode> pods = list("/api/v1/pods");
    List<JsonNode> deployments = list("/apis/apps/v1/deployments");
    Map<String, JsonNode> nodeUsage = usage("/apis/metrics.k8s.io/v1beta1/nodes");
    Map<String, JsonNode> podUsage = usage("/apis/metrics.k8s.io/v1beta1/pods");

    List<Map<String, Object>> podReports = new ArrayList<>();
    for (JsonNode pod : pods) {
      JsonNode meta = pod.path("metadata");
      podReports.add(KubernetesReports.pod(pod, podUsage.get(meta.path("namespace").asText() + "/" + meta.path("name").asText())));
    }
    podReports.sort(Comparator.comparing((Map<String, Object> p) -> !KubernetesReports.unwell(p))
        .thenComparing(p -> p.get("namespace") + "/" + p.get("name")));
    boolean truncated = podReports.size() > podCap;
    List<Object> nodeReports = new ArrayList<>();
    for (JsonNode node : nodes) {
      nodeReports.add(KubernetesReports.node(node, nodeUsage.get(node.at("/metadata/name").asText())));
    }
    List<Object> deploymentReports = new ArrayList<>();
    for (JsonNode d : deployments) {
      deploymentReports.add(KubernetesReports.deployment(d));
    }
    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("id", access.server().getHost() + ":" + access.server().getPort());
    if (access.name() != null) {
      cluster.put("name", access.name());
    }
    cluster.put("server", access.server().toString());
    cluster.put("version", version.path("gitVersion").asText(null));
    cluster.put("metricsAvailable", !nodeUsage.isEmpty() || !podUsage.isEmpty());
    cluster.put("podsTruncated", truncated);
    cluster.put("podsTotal", podReports.size());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("agent", Map.of("id", agentId, "version", agentVersion, "type", "unified", "intervalSeconds", intervalSeconds));
    report.put("cluster", cluster);
    report.put("nodes", nodeReports);
    report.put("pods", truncated ? new ArrayList<>(podReports.subList(0, podCap)) : podReports);
    report.put("deployments", deploymentReports);
    report.put("timestamp", clock.instant().toString());
    return report;
  }

  /** Every item of a list, page by page; a 410 (expired continue token) restarts it once. */
  private List<JsonNode> list(String path) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 2; attempt++) {
      List<JsonNode> items = new ArrayList<>();
      String next = null;
      boolean expired = false;
      do {
        String query = "?limit=" + PAGE + (next == null ? "" : "&continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        Answer answer = get(path + query);
        if (answer.status() == 410) {
          expired = true;
          break;
        }
        answer.body().path("items").forEach(items::add);
        next = answer.body().at("/metadata/continue").asText("");
        next = next.isEmpty() ? null : next;
      } while (next != null);
      if (!expired) {
        return items;
      }
    }
    throw new IOException(path + ": the list changed too fast to page through (410 twice)");
  }

  /** namespace/name (or node name) → usage, empty when metrics-server is not there. */
  private Map<String, JsonNode> usage(String path) throws IOException, InterruptedException {
    Map<String, JsonNode> out = new HashMap<>();
    Answer answer = get(path, true);
    if (answer.status() != 200) {
      return out;
    }
    for (JsonNode item : answer.body().path("items")) {
      JsonNode meta = item.path("metadata");
      String ns = meta.path("namespace").asText("");
      out.put((ns.isEmpty() ? "" : ns + "/") + meta.path("name").asText(), item);
    }
    return out;
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return get(pathAndQuery, false);
  }

  private Answer get(String pathAndQuery, boolean optional) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(access.server().toString().replaceAll("/+$", "") + pathAndQuery))
        .timeout(timeout).header("Authorization", "Bearer " + access.token()).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    int status = r.statusCode();
    if (status == 200 || status == 410 || (optional && (status == 404 || status == 503 || status == 403))) {
      return new Answer(status, status == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode());
    }
    String reason = "";
    try {
      JsonNode problem = JSON.readTree(r.body());
      reason = problem.path("message").asText(problem.path("reason").asText(""));
    } catch (IOException e) {
      // not a Status object
    }
    throw new IOException(pathAndQuery.replaceAll("\\?.*", "") + " answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason));
  }
}
