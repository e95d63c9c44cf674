package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.sqlite.SqliteDatabase;
import dev.pulse.adapters.sqlite.SqliteMetricsHistory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History, sparklines and a resource's metrics over real HTTP, from a real SQLite store. */
class MetricsRoutesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private SqliteDatabase db;
  private SqliteMetricsHistory history;
  private HttpFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    db = SqliteDatabase.open(dir.resolve("pulse.db"));
    history = SqliteMetricsHistory.builder(db).build();
    fx = new HttpFixture(false, null, history);
    // samples are kept to the second: record until the node's history shows three of them
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline && JSON.readTree(fx.get("/api/metrics/history?resourceId=s1:node-pve1&metric=cpu&range=1h",
        HttpFixture.TOKEN).body()).path("points").size() < 3) {
      fx.engine.recordHistory();
      Thread.sleep(400);
    }
  }

  @AfterEach
  void tearDown() {
    fx.close();
    history.close();
    db.close();
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = fx.get(path, HttpFixture.TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private void refused(String path, int status, String field) throws Exception {
    HttpResponse<String> r = fx.get(path, HttpFixture.TOKEN);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals(field, JSON.readTree(r.body()).path("field").asText(), r.body());
  }

  @Test
  void aNodesCpuHistoryComesAsRawPointsWithItsUnit() throws Exception {
    JsonNode body = ok("/api/metrics/history?resourceId=s1:node-pve1&metric=cpu&range=1h");

    assertEquals("percent", body.get("unit").asText());
    assertEquals("raw", body.get("tier").asText());
    assertTrue(body.get("points").size() >= 3, body.toString());
    JsonNode p = body.get("points").get(0);
    assertEquals(4, p.size(), "[time, min, avg, max]");
    assertEquals(p.get(1).asDouble(), p.get(2).asDouble(), "a raw sample's min is its value");
  }

  @Test
  void badQueriesAreRefusedNamingTheField() throws Exception {
    refused("/api/metrics/history?metric=cpu", 400, "resourceId");
    refused("/api/metrics/history?resourceId=s1:node-pve1&metric=bogus", 400, "metric");
    refused("/api/metrics/history?resourceId=s1:node-pve1&metric=cpu&range=2h", 400, "range");
    refused("/api/metrics/history?resourceId=s1:node-pve1&metric=cpu&maxPoints=0", 400, "maxPoints");
    refused("/api/metrics/history?resourceId=nobody&metric=cpu", 404, "resourceId");
    refused("/api/metrics/sparklines?metric=cpu", 400, "ids");
  }

  @Test
  void onePageOfSparklinesIsOneRequestAndUnknownIdsHaveNoPoints() throws Exception {
    List<String> ids = new ArrayList<>(List.of("s1:node-pve1", "s1:qemu-100"));
    for (int i = 0; i < 998; i++) {
      ids.add("lab-cluster-with-a-long-name:qemu-" + (1000 + i)); // a page of 1,000 ids fits in one URL
    }
    // 500 points over an hour read raw samples; at 30 a point is 2 minutes, read from the minute tier,
    // and samples either side of a minute's end would merge into fewer points than were recorded
    JsonNode body = ok("/api/metrics/sparklines?metric=cpu&range=1h&points=500&ids=" + String.join(",", ids));

    JsonNode series = body.get("series");
    assertEquals(1_000, series.size());
    assertTrue(series.get("s1:node-pve1").size() >= 3);
    assertEquals(2, series.get("s1:node-pve1").get(0).size(), "[time, avg]");
    assertEquals(0, series.get("s1:qemu-100").size(), "the VM has no CPU figure: no points, not zeros");
  }

  @Test
  void aResourceListsTheMetricsItHasWithCurrentValues() throws Exception {
    JsonNode body = ok("/api/resources/s1:node-pve1/metrics");

    JsonNode cpu = null;
    for (JsonNode m : body.get("metrics")) {
      if (m.get("name").asText().equals("cpu")) {
        cpu = m;
      }
    }
    assertTrue(cpu != null && cpu.get("hasHistory").asBoolean() && cpu.get("current").isNumber(), body.toString());
    refused("/api/resources/nobody/metrics", 404, "id");
  }
}
