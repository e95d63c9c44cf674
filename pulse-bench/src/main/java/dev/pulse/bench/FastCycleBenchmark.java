package dev.pulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.proxmox.internal.PveMapper;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.Observation;
import dev.pulse.engine.ResourceRegistry;
import dev.pulse.engine.StateChange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One fast PVE cycle of a large cluster (default 50 nodes, 5,000 guests): parse the answers,
 * normalise them, apply them to the registry and take the delta; and, for scale, only parsing the
 * same bytes with Jackson. The ratio of the two says what Pulse adds on top of reading the JSON.
 * Each invocation alternates between two polls whose figures differ, so every cycle yields a real
 * delta.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FastCycleBenchmark {

  @Param({"50"})
  public int nodes;

  @Param({"5000"})
  public int guests;

  private final ObjectMapper json = new ObjectMapper();
  private byte[][] resources;
  private byte[][] statuses;
  private ResourceRegistry registry;
  private int cycle;
  private StateChange lastChange;

  @Setup(Level.Trial)
  public void setUp() {
    resources = new byte[][] {SyntheticCluster.clusterResources(nodes, guests, 0), SyntheticCluster.clusterResources(nodes, guests, 1)};
    statuses = new byte[][] {SyntheticCluster.nodeStatus(0), SyntheticCluster.nodeStatus(1)};
    registry = new ResourceRegistry();
    registry.registerSource("bench", "proxmox", Duration.ofSeconds(10), Instant.EPOCH);
    registry.addListener(change -> lastChange = change);
  }

  /** Parse, normalise, apply, delta: what Pulse does with one fast poll. */
  @Benchmark
  public StateChange fullCycle() throws IOException {
    var observed = parseAndMap();
    registry.apply(new Observation("bench", "proxmox", Instant.ofEpochSecond(cycle), CollectionResult.success(observed)));
    return lastChange;
  }

  /** Parse and normalise, without the registry: splits the full cycle's cost in two. */
  @Benchmark
  public List<ObservedResource> parseAndMap() throws IOException {
    int phase = cycle++ & 1;
    JsonNode items = json.readTree(resources[phase]).get("data");
    Map<String, JsonNode> nodeStatus = new HashMap<>();
    for (int n = 1; n <= nodes; n++) {
      nodeStatus.put("pve" + n, json.readTree(statuses[phase]).get("data"));
    }
    return PveMapper.map(items, Map.of(), nodeStatus);
  }

  /** Only Jackson reading the same bytes: the floor any client pays. */
  @Benchmark
  public void parseOnly(Blackhole sink) throws IOException {
    int phase = cycle++ & 1;
    sink.consume(json.readTree(resources[phase]));
    for (int n = 1; n <= nodes; n++) {
      sink.consume(json.readTree(statuses[phase]));
    }
  }
}
