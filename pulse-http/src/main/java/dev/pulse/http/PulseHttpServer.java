package dev.pulse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pulse.domain.agent.AgentReportDecoder;
import dev.pulse.engine.PulseEngine;
import dev.pulse.http.internal.AccessGuard;
import dev.pulse.http.internal.AuditHook;
import dev.pulse.http.internal.AuditRoutes;
import dev.pulse.http.internal.AuthRoutes;
import dev.pulse.http.internal.RateLimiter;
import dev.pulse.http.internal.RecoveryRoutes;
import dev.pulse.http.internal.sso.SsoRoutes;
import dev.pulse.http.internal.SecurityHeaders;
import dev.pulse.http.internal.UserRoutes;
import dev.pulse.http.internal.AgentRoutes;
import dev.pulse.http.internal.ConnectionRoutes;
import dev.pulse.http.internal.Problems;
import dev.pulse.http.internal.ResourceRoutes;
import dev.pulse.http.internal.StateSocket;
import dev.pulse.http.internal.InstallRoutes;
import dev.pulse.http.internal.JettyProblems;
import dev.pulse.http.internal.AlertRoutes;
import dev.pulse.http.internal.IntegrationRoutes;
import dev.pulse.http.internal.MetricsRoutes;
import dev.pulse.http.internal.NotificationRoutes;
import dev.pulse.http.internal.PrometheusExport;
import dev.pulse.http.internal.PrometheusRoutes;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.pulse.http.internal.SystemRoutes;
import dev.pulse.http.internal.TokenRoutes;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Objects;

/**
 * Pulse's HTTP edge: the REST API under {@code /api}, the state stream on {@code /ws} and, when the
 * UI is on the classpath under {@code /public}, the browser UI. Owns its Jetty threads and its
 * WebSocket flusher; {@link #close()} stops them.
 */
public final class PulseHttpServer implements AutoCloseable {

  private final Javalin app;
  private final StateSocket socket;
  private final PrometheusExport export;
  private final Integer metricsPort;
  private final String metricsHost;
  private HTTPServer metricsServer;
  private ExecutorService metricsThreads;
  private final boolean tls;
  private volatile int listenPort;

  private PulseHttpServer(Builder b) {
    ObjectMapper json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as ISO-8601 text
    this.socket = new StateSocket(b.engine, json);
    AccessGuard guard = new AccessGuard(b.access);
    ResourceRoutes resources = new ResourceRoutes(b.engine, json, b.maxBodyBytes);
    ConnectionRoutes connections = new ConnectionRoutes(b.engine, json, b.maxBodyBytes);
    SystemRoutes system = new SystemRoutes(b.version);
    AgentRoutes agents = new AgentRoutes(b.engine, b.agentDecoders, b.version);
    TokenRoutes tokens = new TokenRoutes(b.access.tokens(), json, b.maxBodyBytes);
    AuthRoutes auth = new AuthRoutes(b.access.accounts(), json, b.maxBodyBytes);
    UserRoutes users = new UserRoutes(b.access.accounts().directory(), json, b.maxBodyBytes);
    RecoveryRoutes recovery = new RecoveryRoutes(b.access.accounts(), json);
    SsoRoutes sso = new SsoRoutes(new SingleSignOn(b.ssoProviders, b.access.accounts().directory()), b.access.accounts(), json);
    RateLimiter limiter = new RateLimiter(b.rateLimits, b.access.tokens().clock());
    AuditHook auditHook = new AuditHook(b.engine.audit(), b.engine.clock());
    AuditRoutes audit = new AuditRoutes(b.engine.audit());
    InstallRoutes install = new InstallRoutes(b.agentJar);
    MetricsRoutes metrics = new MetricsRoutes(b.engine);
    AlertRoutes alertRoutes = new AlertRoutes(b.engine, json, b.maxBodyBytes);
    NotificationRoutes notificationRoutes = new NotificationRoutes(b.engine, json, b.maxBodyBytes);
    IntegrationRoutes integrations = new IntegrationRoutes(b.engine, json, b.maxBodyBytes);
    this.export = new PrometheusExport(b.engine);
    PrometheusRoutes prometheus = new PrometheusRoutes(export);
    this.metricsPort = b.metricsPort;
    this.tls = b.tls != null;
    this.metricsHost = b.host;
    boolean ui = PulseHttpServer.class.getResource("/public/index.html") != null;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.http.maxRequestSize = b.maxBodyBytes;
      config.jetty.host = b.host;
      if (b.tls != null) {
        java.security.KeyStore keys = b.tls.keyStore();
        config.jetty.addConnector((server, http) -> {
          org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
          ssl.setKeyStore(keys);
          ssl.setKeyStorePassword("");
          http.setSecureScheme("https");
          org.eclipse.jetty.server.SecureRequestCustomizer secure = new org.eclipse.jetty.server.SecureRequestCustomizer();
          secure.setSniHostCheck(false); // homelabs reach Pulse by IP as often as by the certificate's name
          http.addCustomizer(secure);
          org.eclipse.jetty.server.ServerConnector https = new org.eclipse.jetty.server.ServerConnector(server,
              new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
              new org.eclipse.jetty.server.HttpConnectionFactory(http));
          https.setHost(b.host);
          https.setPort(listenPort); // read when Jetty starts: the port start(port) was given
          return https;
        });
      }
      // a sparkline request names a page of resources in its query: up to 2,000 ids
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
      // Jetty's own errors (bad URI, headers too large) as problem+json with the security headers
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
      if (ui) {
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.spaRoot.addFile("/", "/public/index.html", Location.CLASSPATH);
      }
      SecurityHeaders.register(config.routes);
      limiter.register(config.routes); // before the guard: guessing tokens and passwords is throttled too
      guard.register(config.routes);
      system.register(config.routes);
      auth.register(config.routes);
      users.register(config.routes);
      recovery.register(config.routes);
      sso.register(config.routes);
      audit.register(config.routes);
      auditHook.register(config.routes);
      resources.register(config.routes);
      connections.register(config.routes);
      agents.register(config.routes);
      tokens.register(config.routes);
      install.register(config.routes);
      metrics.register(config.routes);
      alertRoutes.register(config.routes);
      notificationRoutes.register(config.routes);
      integrations.register(config.routes);
      prometheus.register(config.routes);
      socket.register(config.routes);
      Problems.register(config.routes);
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening (with HTTPS, on that port only); returns this. */
  public PulseHttpServer start(int port) {
    if (tls) {
      listenPort = port;
      app.start();
    } else {
      app.start(port);
    }
    socket.start();
    if (metricsPort != null) {
      metricsThreads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pulse-metrics-export");
        t.setDaemon(true);
        return t;
      });
      try {
        metricsServer = HTTPServer.builder().hostname(metricsHost).port(metricsPort).registry(export.registry())
            .executorService(metricsThreads).buildAndStart();
      } catch (java.io.IOException e) {
        close();
        throw new java.io.UncheckedIOException("cannot serve /metrics on port " + metricsPort, e);
      }
    }
    return this;
  }

  /** The port of the separate, token-free {@code /metrics} listener, or -1 when there is none. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.getPort();
  }

  /** A route as registered: its method, path and the access it declared ({@code null} for none). */
  public record Route(String method, String path, String access) {}

  /** Every HTTP route with the access it declared: for the test that walks them all, and for docs. */
  public java.util.List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> {
      io.javalin.security.Roles roles = p.endpoint.metadata(io.javalin.security.Roles.class);
      String access = roles == null ? null : roles.getRoles().stream().filter(dev.pulse.http.internal.Access.class::isInstance)
          .map(r -> ((dev.pulse.http.internal.Access) r).name()).findFirst().orElse(null);
      return new Route(p.endpoint.method.name(), p.endpoint.path, access);
    }).toList();
  }

  /** The port it listens on, useful after {@code start(0)}. */
  public int port() {
    if (tls) {
      for (org.eclipse.jetty.server.Connector c : app.unsafe.jettyInternal.server.getConnectors()) {
        if (c instanceof org.eclipse.jetty.server.ServerConnector s && s.getDefaultConnectionFactory()
            instanceof org.eclipse.jetty.server.SslConnectionFactory) {
          return s.getLocalPort();
        }
      }
    }
    return app.port();
  }

  @Override
  public void close() {
    if (metricsServer != null) {
      metricsServer.close();
    }
    if (metricsThreads != null) {
      metricsThreads.shutdownNow();
    }
    socket.close();
    app.stop();
  }

  /** Configures a {@link PulseHttpServer}. */
  public static final class Builder {
    private PulseEngine engine;
    private AccessPolicy access;
    private String version = "dev";
    private String host = "0.0.0.0";
    private long maxBodyBytes = 64 * 1024;
    private final java.util.List<AgentReportDecoder> agentDecoders = new java.util.ArrayList<>();
    private java.nio.file.Path agentJar;
    private Integer metricsPort;
    private RateLimits rateLimits = RateLimits.DEFAULT;
    private TlsFiles tls;
    private dev.pulse.domain.security.SsoProviderStore ssoProviders = dev.pulse.domain.security.SsoProviderStore.inMemory();

    private Builder() {}

    /** Where single sign-on providers are kept, client secrets included (default: memory only). */
    public Builder ssoProviders(dev.pulse.domain.security.SsoProviderStore store) {
      this.ssoProviders = Objects.requireNonNull(store);
      return this;
    }

    /** Serves HTTPS only, from these PEM files; {@code null} (the default) for plain HTTP. */
    public Builder tls(TlsFiles files) {
      this.tls = files;
      return this;
    }

    /** How many requests a client may make a minute, by class of route (default {@link RateLimits#DEFAULT}). */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits);
      return this;
    }

    /**
     * Also serves {@code GET /metrics} without a token on its own port (0 picks one), for Prometheus
     * setups that cannot send one; bind it where only the scraper can reach it. Off by default: the
     * main port serves {@code /metrics} to tokens with {@code monitoring:read}.
     */
    public Builder metricsPort(Integer port) {
      if (port != null && (port < 0 || port > 65535)) {
        throw new IllegalArgumentException("metricsPort must be between 0 and 65535");
      }
      this.metricsPort = port;
      return this;
    }

    /**
     * The jar served at {@code /download/pulse-agent.jar} for {@code /install.sh}; without one (a
     * build run from classes) both answer 404 saying so.
     */
    public Builder agentJar(java.nio.file.Path jar) {
      this.agentJar = jar;
      return this;
    }

    public Builder engine(PulseEngine engine) {
      this.engine = Objects.requireNonNull(engine);
      return this;
    }

    public Builder access(AccessPolicy access) {
      this.access = Objects.requireNonNull(access);
      return this;
    }

    public Builder version(String version) {
      this.version = Objects.requireNonNull(version);
      return this;
    }

    /** The address to listen on (default all interfaces). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** The largest request body accepted (default 64 KiB); larger ones get 413. */
    public Builder maxBodyBytes(long max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = max;
      return this;
    }

    /** Accepts this kind of agent report on {@code POST /api/agents/{kind}/report}. */
    public Builder agentDecoder(AgentReportDecoder decoder) {
      agentDecoders.add(Objects.requireNonNull(decoder));
      return this;
    }

    public PulseHttpServer build() {
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(access, "access");
      return new PulseHttpServer(this);
    }
  }
}
