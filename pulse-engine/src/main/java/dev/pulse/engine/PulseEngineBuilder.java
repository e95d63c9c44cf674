package dev.pulse.engine;

import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.domain.alert.AlertConfigStore;
import dev.pulse.domain.alert.AlertRule;
import dev.pulse.domain.alert.AlertStore;
import dev.pulse.domain.alert.DefaultRules;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.history.MetricsHistoryStore;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.domain.notify.NotificationQueue;
import dev.pulse.domain.identity.IdentityLinkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Configures a {@link PulseEngine}. Not thread-safe; build once. */
public final class PulseEngineBuilder {

  Clock clock = Clock.systemUTC();
  final List<SourceSpec> sources = new ArrayList<>();
  final List<CollectorFactory> collectorFactories = new ArrayList<>();
  ConnectionStore connectionStore = ConnectionStore.inMemory();
  IdentityLinkStore identityLinkStore = IdentityLinkStore.inMemory();
  Duration pollInterval = Duration.ofSeconds(10);
  Duration pollTimeout = Duration.ofSeconds(8);
  MetricsHistoryStore history;
  boolean alertsEnabled = true;
  boolean notificationsEnabled = true;
  boolean auditEnabled = true;
  AlertStore alertStore = AlertStore.inMemory();
  AlertConfigStore alertConfigStore = AlertConfigStore.inMemory();
  List<AlertRule> alertRules = DefaultRules.ALL;
  ChannelStore channelStore = ChannelStore.inMemory();
  NotificationQueue notificationQueue = NotificationQueue.inMemory();
  final List<ChannelSender> channelSenders = new ArrayList<>();
  AuditLog auditLog;
  boolean auditAsync;
  Duration auditRetention = Duration.ofDays(365);

  PulseEngineBuilder() {}

  public PulseEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Adds a source polled for the engine's whole life, not stored as a connection. */
  public PulseEngineBuilder addSource(SourceSpec source) {
    sources.add(Objects.requireNonNull(source, "source"));
    return this;
  }

  /** Adds a factory that turns stored connections of its types into collectors. */
  public PulseEngineBuilder addCollectorFactory(CollectorFactory factory) {
    collectorFactories.add(Objects.requireNonNull(factory, "factory"));
    return this;
  }

  /** Where connections persist. Defaults to memory only. */
  public PulseEngineBuilder connectionStore(ConnectionStore store) {
    this.connectionStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Where the operator's identity links and splits persist. Defaults to memory only. */
  public PulseEngineBuilder identityLinkStore(IdentityLinkStore store) {
    this.identityLinkStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /** How often connections are polled (default 10 s). */
  public PulseEngineBuilder pollInterval(Duration interval) {
    this.pollInterval = positive(interval, "pollInterval");
    return this;
  }

  /** How long one collection of a connection may take (default 8 s). */
  public PulseEngineBuilder pollTimeout(Duration timeout) {
    this.pollTimeout = positive(timeout, "pollTimeout");
    return this;
  }

  /**
   * Where the history of resources' metrics goes; recorded at the poll interval. Without one the
   * engine keeps no history. The caller owns the store and closes it after the engine.
   */
  public PulseEngineBuilder history(MetricsHistoryStore store) {
    this.history = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Where alerts and their history persist. Defaults to memory only. */
  public PulseEngineBuilder alertStore(AlertStore store) {
    this.alertStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Where the operator's alert tuning persists. Defaults to memory only. */
  public PulseEngineBuilder alertConfigStore(AlertConfigStore store) {
    this.alertConfigStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /** The alert rules (default: {@link DefaultRules#ALL}). */
  public PulseEngineBuilder alertRules(List<AlertRule> rules) {
    this.alertRules = List.copyOf(rules);
    return this;
  }

  /** Where notification channels persist (secrets included: encrypt them). Defaults to memory only. */
  public PulseEngineBuilder channelStore(ChannelStore store) {
    this.channelStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Where notifications wait for delivery. Defaults to memory only. */
  public PulseEngineBuilder notificationQueue(NotificationQueue queue) {
    this.notificationQueue = Objects.requireNonNull(queue, "queue");
    return this;
  }

  /** Adds a way of delivering notifications (email, webhooks). */
  public PulseEngineBuilder addChannelSender(ChannelSender sender) {
    channelSenders.add(Objects.requireNonNull(sender, "sender"));
    return this;
  }

  /**
   * Where the audit trail is kept (default: memory only, under a random key), whether entries are
   * written in the background, and how long they are kept.
   */
  public PulseEngineBuilder audit(AuditLog log, boolean async, Duration retention) {
    this.auditLog = Objects.requireNonNull(log, "log");
    this.auditAsync = async;
    this.auditRetention = positive(retention, "retention");
    return this;
  }

  /**
   * Switches the alert loop on (the default) or off. Off, nothing is evaluated, so nothing fires
   * and nothing is notified; {@code alerts()} still answers, with no alerts.
   */
  public PulseEngineBuilder alertsEnabled(boolean enabled) {
    this.alertsEnabled = enabled;
    return this;
  }

  /** Switches notification delivery on (the default) or off. Off, alerts are still evaluated and kept, never sent. */
  public PulseEngineBuilder notificationsEnabled(boolean enabled) {
    this.notificationsEnabled = enabled;
    return this;
  }

  /** Switches the audit trail on (the default) or off. Off, nothing is recorded and queries find nothing. */
  public PulseEngineBuilder auditEnabled(boolean enabled) {
    this.auditEnabled = enabled;
    return this;
  }

  public PulseEngine build() {
    long ids = sources.stream().map(SourceSpec::id).distinct().count();
    if (ids != sources.size()) {
      throw new IllegalArgumentException("source ids must be unique");
    }
    return new PulseEngine(this);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
