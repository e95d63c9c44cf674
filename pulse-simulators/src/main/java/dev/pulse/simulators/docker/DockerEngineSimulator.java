package dev.pulse.simulators.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker Engine (or Podman) API on a unix socket, as {@code /var/run/docker.sock} serves it:
 * {@code /_ping}, {@code /version}, {@code /info}, {@code /containers/json}, {@code
 * /containers/{id}/json}, {@code /containers/{id}/stats}, and on a Swarm manager {@code /services}
 * and {@code /tasks} (503 elsewhere, as on a worker), each with or without a {@code /v1.xx}
 * prefix. Its host has a healthy web stack, an unhealthy worker, a container in a restart loop, one
 * OOM-killed, one paused and one never started.
 */
public final class DockerEngineSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DockerEngineSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSIONED = Pattern.compile("^/v1\\.\\d+(/.*)$");
  private static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)/(json|stats)$");

  private final Path socket;
  private final DockerFleet fleet;
  private final DockerResponses responses;
  private final boolean swarmManager;
  private final Server server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean failing;

  private DockerEngineSimulator(Builder b) {
    this.socket = b.socket;
    this.fleet = new DockerFleet(b.clock);
    this.responses = new DockerResponses(fleet, b.podman, b.cgroupV1);
    this.swarmManager = b.swarmManager;
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("docker-sim");
    threads.setDaemon(true);
    this.server = new Server(threads);
    UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
    connector.setUnixDomainPath(socket);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        serve(request, response, callback);
        return true;
      }
    });
    try {
      Files.deleteIfExists(socket);
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot serve the Docker simulator on " + socket + ": " + e.getMessage(), e);
    }
    LOG.info("Docker Engine simulator ({}) listening on unix:{}", b.podman ? "podman" : "docker", socket);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Path socket() {
    return socket;
  }

  public int requestCount() {
    return requests.get();
  }

  /** While set, every request gets 500, as a wedged daemon answers. */
  public void setFailing(boolean failing) {
    this.failing = failing;
  }

  private void serve(Request request, Response response, Callback callback) {
    requests.incrementAndGet();
    String path = request.getHttpURI().getPath();
    Matcher versioned = VERSIONED.matcher(path);
    if (versioned.matches()) {
      path = versioned.group(1);
    }
    String query = request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery();
    if (failing) {
      write(response, callback, 500, Map.of("message", "simulated daemon failure"));
      return;
    }
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      write(response, callback, 405, Map.of("message", "only reads are simulated"));
      return;
    }
    Matcher container = CONTAINER.matcher(path);
    if (path.equals("/_ping")) {
      response.getHeaders().put("API-Version", "1.47");
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(true, ByteBuffer.wrap("OK".getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    } else if (path.equals("/version")) {
      write(response, callback, 200, responses.version());
    } else if (path.equals("/info")) {
      write(response, callback, 200, responses.info(swarmManager));
    } else if (path.equals("/containers/json")) {
      write(response, callback, 200, fleet.list(query.contains("all=1") || query.contains("all=true")));
    } else if (container.matches()) {
      DockerFleet.SimContainer c = fleet.find(container.group(1));
      if (c == null) {
        write(response, callback, 404, Map.of("message", "No such container: " + container.group(1)));
      } else {
        write(response, callback, 200, container.group(2).equals("json") ? responses.inspect(c) : responses.stats(c));
      }
    } else if (path.equals("/services") || path.equals("/tasks")) {
      if (!swarmManager) {
        write(response, callback, 503, Map.of("message",
            "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again."));
      } else {
        write(response, callback, 200, path.equals("/services") ? responses.services() : responses.tasks());
      }
    } else {
      write(response, callback, 404, Map.of("message", "page not found"));
    }
  }

  private static void write(Response response, Callback callback, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("Api-Version", "1.47");
    response.write(true, ByteBuffer.wrap(bytes), callback); // no Content-Length: dockerd answers chunked
  }

  @Override
  public void close() {
    try {
      server.stop();
      Files.deleteIfExists(socket);
    } catch (Exception e) {
      LOG.warn("stopping the Docker simulator: {}", e.toString());
    }
  }

  /** Configures a {@link DockerEngineSimulator}. */
  public static final class Builder {
    private Path socket;
    private Clock clock = Clock.systemUTC();
    private boolean podman;
    private boolean cgroupV1;
    private boolean swarmManager = true;

    private Builder() {}

    /** Where to create the socket; required. */
    public Builder socket(Path socket) {
      this.socket = socket;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Answer as Podman: its version components, no swarm, rootless stats without networks. */
    public Builder podman(boolean podman) {
      this.podman = podman;
      return this;
    }

    /** Report memory with cgroup v1 keys ({@code total_inactive_file}) and v1's "no limit". */
    public Builder cgroupV1(boolean v1) {
      this.cgroupV1 = v1;
      return this;
    }

    /** Whether this host manages a swarm (default); otherwise the swarm paths answer 503. */
    public Builder swarmManager(boolean manager) {
      this.swarmManager = manager;
      return this;
    }

    public DockerEngineSimulator start() {
      if (socket == null) {
        throw new IllegalArgumentException("socket is required");
      }
      return new DockerEngineSimulator(this);
    }
  }
}
