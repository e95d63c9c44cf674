package dev.pulse.app;

import dev.pulse.adapters.agents.DockerReportDecoder;
import dev.pulse.adapters.agents.HostReportDecoder;
import dev.pulse.adapters.agents.KubernetesReportDecoder;
import dev.pulse.adapters.proxmox.ProxmoxCollectorFactory;
import dev.pulse.adapters.truenas.TrueNasCollectorFactory;
import dev.pulse.app.internal.DataFiles;
import dev.pulse.app.internal.AesGcmCipher;
import dev.pulse.app.internal.ApiTokens;
import dev.pulse.app.internal.DemoAgents;
import dev.pulse.domain.security.Scope;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import dev.pulse.adapters.notify.SmtpSender;
import dev.pulse.adapters.notify.WebhookSender;
import dev.pulse.app.internal.EncryptedFileChannelStore;
import dev.pulse.app.internal.JsonFileAlertConfigStore;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.app.internal.JsonFileApiTokenStore;
import dev.pulse.domain.alert.AlertConfigStore;
import dev.pulse.domain.alert.DefaultRules;
import dev.pulse.http.AlertConfigCodec;
import dev.pulse.app.internal.JsonFileIdentityLinkStore;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.http.AccessTokens;
import dev.pulse.domain.identity.IdentityLinkStore;
import dev.pulse.app.internal.DemoFleet;
import dev.pulse.app.internal.EncryptedFileConnectionStore;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.engine.PulseEngine;
import dev.pulse.http.AccessPolicy;
import dev.pulse.http.Accounts;
import dev.pulse.http.Argon2Passwords;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.Role;
import dev.pulse.app.internal.BootstrapToken;
import dev.pulse.app.internal.EncryptedFileSsoStore;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.security.SsoProviderStore;
import dev.pulse.http.PulseHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Pulse: the engine, its adapters, the HTTP server and, in demo mode, the simulated fleet.
 * The only place where adapters are constructed. {@link #close()} stops everything it started, in
 * reverse order.
 */
public final class PulseServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PulseServer.class);

  private final PulseEngine engine;
  private final LocalDatabase database;
  private final PulseHttpServer http;
  private final DemoFleet demo;
  private final DemoAgents demoAgents;
  private final String bootstrapToken;

  private PulseServer(PulseEngine engine, LocalDatabase database, PulseHttpServer http, DemoFleet demo, DemoAgents demoAgents,
      String bootstrapToken) {
    this.engine = engine;
    this.database = database;
    this.http = http;
    this.demo = demo;
    this.demoAgents = demoAgents;
    this.bootstrapToken = bootstrapToken;
  }

  /**
   * Starts Pulse.
   *
   * @param demo whether to start the simulated fleet; connections are then kept in memory only, so
   *     a demo never leaves simulator connections behind in the data dir
   */
  public static PulseServer start(PulseConfig config, boolean demo, Clock clock, String version) throws IOException {
    DataFiles.prepareDir(config.dataDir());
    ApiTokens tokens = ApiTokens.load(config.apiToken(), config.dataDir().resolve("api-token.sha256"));
    AesGcmCipher cipher = demo ? null : AesGcmCipher.load(config.security().encryptionKey(), config.dataDir().resolve("secret.key"));
    ConnectionStore store = demo ? ConnectionStore.inMemory()
        : new EncryptedFileConnectionStore(config.dataDir().resolve("connections.enc"), cipher);
    LocalDatabase database = LocalDatabase.open(demo ? null : config.dataDir(), config.retention(), clock);
    PulseEngine engine = PulseEngine.builder()
        .clock(clock)
        .history(database.history())
        .alertStore(database.alerts())
        .notificationQueue(database.notifications())
        .channelStore(demo ? ChannelStore.inMemory()
            : new EncryptedFileChannelStore(config.dataDir().resolve("channels.enc"), cipher))
        .addChannelSender(new SmtpSender(config.pollTimeout().plusSeconds(10)))
        .addChannelSender(new WebhookSender(config.pollTimeout().plusSeconds(10), clock, config.security().appriseCli()))
        .alertConfigStore(demo ? AlertConfigStore.inMemory()
            : new JsonFileAlertConfigStore(config.dataDir().resolve("alerts.json"), new AlertConfigCodec(DefaultRules.ALL)))
        .connectionStore(store)
        .identityLinkStore(demo ? IdentityLinkStore.inMemory()
            : new JsonFileIdentityLinkStore(config.dataDir().resolve("identity-links.json")))
        .addCollectorFactory(new ProxmoxCollectorFactory(config.pollTimeout(), clock))
        .addCollectorFactory(new TrueNasCollectorFactory(config.pollTimeout(), clock))
        .pollInterval(config.pollInterval())
        .pollTimeout(config.pollTimeout())
        .audit(demo ? AuditLog.inMemory() : database.audit(cipher.derive("pulse audit chain v1")), config.security().auditAsync(),
            java.time.Duration.ofDays(config.security().auditDays()))
        .build();
    AccessTokens accessTokens = new AccessTokens(tokens, demo ? ApiTokenStore.inMemory()
        : new JsonFileApiTokenStore(config.dataDir().resolve("api-tokens.json")), clock);
    Accounts accounts;
    BootstrapToken bootstrap = null;
    try {
      if (database.accounts().users().isEmpty() && config.security().authUser() == null) {
        bootstrap = BootstrapToken.load(demo ? null : config.dataDir().resolve(".bootstrap-token"));
      }
      accounts = accounts(config, database, clock, bootstrap == null ? Accounts.Bootstrap.NONE : bootstrap);
    } catch (IOException | RuntimeException e) {
      engine.close();
      database.close();
      throw e;
    }
    DemoFleet fleet = null;
    DemoAgents agents = null;
    PulseHttpServer http = null;
    try {
      engine.start();
      if (demo) {
        fleet = DemoFleet.start(clock, engine.connections());
      }
      http = PulseHttpServer.builder()
          .engine(engine)
          .access(new AccessPolicy(accessTokens, accounts, demo, config.security().allowedOrigins(), config.security().proxyAuth()))
          .rateLimits(config.security().rateLimits())
          .tls(demo ? null : config.security().tls())
          .ssoProviders(demo ? SsoProviderStore.inMemory() : new EncryptedFileSsoStore(config.dataDir().resolve("sso.enc"), cipher))
          .agentJar(ownJar())
          .agentDecoder(new HostReportDecoder())
          .agentDecoder(new DockerReportDecoder())
          .agentDecoder(new KubernetesReportDecoder())
          .host(config.bindAddress())
          .metricsPort(config.metricsPort())
          .version(version)
          .build()
          .start(config.port());
      if (demo) {
        String reportToken = accessTokens.issue(Actor.system("demo"), "demo agents", EnumSet.of(Scope.AGENT_REPORT, Scope.DOCKER_REPORT, Scope.KUBERNETES_REPORT), null).token();
        String host = config.bindAddress().equals("0.0.0.0") || config.bindAddress().equals("::") ? "127.0.0.1" : config.bindAddress();
        agents = DemoAgents.start(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.port()),
            reportToken, version, clock);
      }
    } catch (IOException | RuntimeException e) {
      if (http != null) {
        http.close();
      }
      if (fleet != null) {
        fleet.close();
      }
      engine.close();
      database.close();
      throw e;
    }
    String setupToken = bootstrap == null ? null : bootstrap.token();
    PulseServer server = new PulseServer(engine, database, http, fleet, agents, setupToken);
    LOG.info("Pulse is listening on {}://{}:{}{} (version {}, data in {})",
        !demo && config.security().tls() != null ? "https" : "http", config.bindAddress(), http.port(),
        demo ? " in demo mode" : "", version, config.dataDir().toAbsolutePath().normalize());
    if (setupToken != null) {
      LOG.warn("No account yet. Open http://localhost:{}/setup and create the first admin with the bootstrap token {}{}",
          http.port(), setupToken, demo ? "" : " (also in " + config.dataDir().resolve(".bootstrap-token") + ")");
    }
    return server;
  }

  /** The jar this Pulse runs from, served to agents; {@code null} when it runs from classes. */
  private static Path ownJar() {
    try {
      Path location = Path.of(PulseServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toString().endsWith(".jar") ? location : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  public int port() {
    return http.port();
  }

  public PulseEngine engine() {
    return engine;
  }

  /** Every HTTP route with the access it declared, as {@link PulseHttpServer#routes()}. */
  public List<PulseHttpServer.Route> routes() {
    return http.routes();
  }

  /** The token that lets the first admin be created, or {@code null} when there already is an account. */
  public String bootstrapToken() {
    return bootstrapToken;
  }

  /** The accounts, with {@code PULSE_AUTH_USER} created as an admin when it does not exist yet. */
  private static Accounts accounts(PulseConfig config, LocalDatabase database, Clock clock, Accounts.Bootstrap bootstrap) {
    Accounts accounts = new Accounts(database.accounts(), new Argon2Passwords(), clock, bootstrap);
    SecurityConfig security = config.security();
    if (security.authUser() != null && database.accounts().userNamed(security.authUser()).isEmpty()) {
      accounts.directory().create(Actor.system("PULSE_AUTH_USER"), security.authUser(), security.authPassword(),
          List.of(Role.ADMIN.name()));
      LOG.warn("Created the admin account {} from PULSE_AUTH_USER/PULSE_AUTH_PASS (the password is kept hashed only): "
          + "remove PULSE_AUTH_PASS from the environment now", security.authUser());
    }
    return accounts;
  }

  @Override
  public void close() {
    if (demoAgents != null) {
      demoAgents.close();
    }
    http.close();
    if (demo != null) {
      demo.close();
    }
    engine.close();
    database.close();
  }
}
