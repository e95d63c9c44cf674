package dev.pulse.engine;

import dev.pulse.engine.internal.NamedThreadFactory;
import dev.pulse.engine.internal.PollScheduler;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.Observation;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.history.MetricsHistoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running monitor: polls its sources, keeps the {@link ResourceRegistry} and streams changes.
 * Build one with {@link #builder()}; several may run in one JVM. {@link #close()} stops every
 * thread the engine started and closes every collector.
 */
public final class PulseEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PulseEngine.class);
  private static final long STALENESS_CHECK_SECONDS = 5;

  private final Clock clock;
  private final ResourceRegistry registry = new ResourceRegistry();
  private final ScheduledExecutorService timer;
  /** Notification I/O, on a thread of its own: a mail server that takes 18 s to time out delays no poll. */
  private final ScheduledExecutorService notifier;
  private final PollScheduler scheduler;
  private final ConnectionService connections;
  private final IdentityService identities;
  private final List<SourceSpec> staticSources;
  private final MetricsHistoryStore history;
  private final HistoryRecorder recorder;
  private final Duration pollInterval;
  private final AlertService alerts;
  private final NotificationService notifications;
  private final AuditTrail audit;
  private final boolean alertsEnabled;
  private final boolean notificationsEnabled;
  private final Object lifecycle = new Object();
  private final Map<Consumer<StateChange>, Subscription> subscriptions = new HashMap<>();
  private final AtomicInteger subscriberNumbers = new AtomicInteger();
  private boolean started;
  private boolean closed;

  PulseEngine(PulseEngineBuilder builder) {
    this.clock = builder.clock;
    this.timer = Executors.newScheduledThreadPool(2, new NamedThreadFactory("pulse-scheduler"));
    this.notifier = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("pulse-notify"));
    this.scheduler = new PollScheduler(clock, registry::apply, timer);
    this.staticSources = List.copyOf(builder.sources);
    this.connections = new ConnectionService(builder.connectionStore, builder.collectorFactories,
        this::startSource, this::stopSource, builder.pollInterval, builder.pollTimeout);
    this.identities = new IdentityService(registry, builder.identityLinkStore);
    this.history = builder.history;
    this.recorder = history == null ? null : new HistoryRecorder(registry, history, HistoryMetrics.ALL);
    this.pollInterval = builder.pollInterval;
    this.alerts = new AlertService(registry, builder.alertStore, builder.alertConfigStore, builder.alertRules, clock);
    this.notifications = new NotificationService(builder.channelStore, builder.notificationQueue, builder.channelSenders, clock);
    this.alertsEnabled = builder.alertsEnabled;
    this.notificationsEnabled = builder.notificationsEnabled;
    if (notificationsEnabled) {
      alerts.subscribe(notifications::onAlert);
    }
    AuditLog auditLog = !builder.auditEnabled ? AuditLog.discarding()
        : builder.auditLog != null ? builder.auditLog : AuditLog.inMemory();
    this.audit = new AuditTrail(auditLog, builder.auditAsync, builder.auditRetention, clock);
  }


  public static PulseEngineBuilder builder() {
    return new PulseEngineBuilder();
  }

  /** Starts polling the static sources and the stored connections. Idempotent. */
  public PulseEngine start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("engine is closed");
      }
      if (!started) {
        started = true;
        identities.restore();
        alerts.restore();
        staticSources.forEach(this::startSource);
        connections.startAll();
        timer.scheduleAtFixedRate(() -> registry.checkStaleness(clock.instant()),
            STALENESS_CHECK_SECONDS, STALENESS_CHECK_SECONDS, TimeUnit.SECONDS);
        long every = pollInterval.toMillis();
        if (recorder != null) {
          timer.scheduleAtFixedRate(recorder::recordQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        if (alertsEnabled) {
          timer.scheduleAtFixedRate(() -> {
            alerts.evaluateQuietly();
            if (notificationsEnabled) {
              notifications.escalateQuietly(alerts.active(), alerts.config().escalations());
            }
          }, every, every, TimeUnit.MILLISECONDS);
        }
        if (notificationsEnabled) {
          notifier.scheduleWithFixedDelay(notifications::deliverQuietly, 1, 1, TimeUnit.SECONDS);
        }
        timer.scheduleWithFixedDelay(audit::flushQuietly, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(audit::expireQuietly, 0, 1, TimeUnit.DAYS);
        LOG.info("engine started with {} static sources and {} connections", staticSources.size(), connections.list().size());
      }
      return this;
    }
  }

  public ResourceRegistry registry() {
    return registry;
  }

  public ConnectionService connections() {
    return connections;
  }

  /** Links and splits of resources that are one machine. */
  public IdentityService identities() {
    return identities;
  }

  /** The alert loop: active alerts, history, acknowledgements, tuning. */
  public AlertService alerts() {
    return alerts;
  }

  /** Notification channels, the delivery queue and its dead-letter list. */
  /** What people and tokens did, tamper-evident. */
  public AuditTrail audit() {
    return audit;
  }

  public NotificationService notifications() {
    return notifications;
  }

  /** The metrics history, when the engine was built with one. */
  public Optional<MetricsHistoryStore> history() {
    return Optional.ofNullable(history);
  }

  /** Records the history of what is fresh now, at once rather than at the next poll interval. */
  public int recordHistory() {
    return recorder == null ? 0 : recorder.record();
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Calls the listener with every change from now on, in version order, on a thread of the
   * subscription's own and outside every lock of the engine; a subscriber that falls more than
   * {@link Subscription#MAX_BEHIND} changes behind next gets the whole state instead ({@link
   * StateChange#full()}). Close the subscription, or the engine, to stop it.
   */
  public Subscription subscribe(Consumer<StateChange> listener) {
    return subscribe(listener, Subscription.MAX_BEHIND);
  }

  Subscription subscribe(Consumer<StateChange> listener, int maxBehind) {
    Subscription s = new Subscription(listener, registry::snapshot, maxBehind,
        "pulse-subscriber-" + subscriberNumbers.incrementAndGet());
    synchronized (subscriptions) {
      subscriptions.put(listener, s);
    }
    registry.addListener(s.feed);
    return s;
  }

  /** Stops the feed of a listener given to {@link #subscribe}. */
  public void unsubscribe(Consumer<StateChange> listener) {
    Subscription s;
    synchronized (subscriptions) {
      s = subscriptions.remove(listener);
    }
    if (s != null) {
      registry.removeListener(s.feed);
      s.close();
    }
  }

  /** {@link #ingest(String, String, Duration, int, List)} with 6 intervals of grace, as for host agents. */
  public void ingest(String sourceId, String platform, Duration interval, List<ObservedResource> resources) {
    ingest(sourceId, platform, interval, 6, resources);
  }

  /**
   * Takes in what a pushing source (an agent) reported. The source is tracked from its first report:
   * stale after {@code graceIntervals} × its interval, clamped to 60 s – 10 min, offline after three
   * times that.
   *
   * @param interval how often the source says it reports
   */
  public void ingest(String sourceId, String platform, Duration interval, int graceIntervals, List<ObservedResource> resources) {
    Duration stale = clamp(interval.multipliedBy(graceIntervals), Duration.ofSeconds(60), Duration.ofMinutes(10));
    registry.registerSource(sourceId, platform, stale, stale.multipliedBy(3), clock.instant());
    registry.apply(new Observation(sourceId, platform, clock.instant(), CollectionResult.success(resources)));
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  private void startSource(SourceSpec spec) {
    registry.registerSource(spec.id(), spec.collector().platform(), spec.interval(), clock.instant());
    scheduler.add(spec);
  }

  private void stopSource(String sourceId) {
    scheduler.remove(sourceId);
    registry.removeSource(sourceId);
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
    }
    scheduler.close();
    timer.shutdownNow();
    notifier.shutdownNow(); // a delivery cut short stays in the queue and is retried after a restart
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      notifier.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Consumer<StateChange>> listeners;
    synchronized (subscriptions) {
      listeners = List.copyOf(subscriptions.keySet());
    }
    listeners.forEach(this::unsubscribe);
    audit.flushQuietly(); // what waits is written before the store closes
    LOG.info("engine stopped");
  }
}
