package dev.pulse.engine;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertBook;
import dev.pulse.domain.alert.AlertCategory;
import dev.pulse.domain.alert.AlertLevel;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.alert.AlertConfig;
import dev.pulse.domain.alert.AlertConfigStore;
import dev.pulse.domain.alert.AlertEvaluator;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.alert.AlertHistoryEntry;
import dev.pulse.domain.alert.AlertRule;
import dev.pulse.domain.alert.AlertStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert loop: evaluates the rules over the registry at each poll interval, keeps the alerts
 * (saved after every change, so that a restart forgets nothing and fires nothing twice), takes
 * acknowledgements and clears, and tells its listeners (the WebSocket, the notifier) every change.
 * Thread-safe.
 */
public final class AlertService {

  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
  /**
   * How long after a restart an alert whose resource is not listed yet waits for its source's first
   * report instead of resolving: longer than the slowest agent's interval.
   */
  static final Duration RESTORE_GRACE = Duration.ofMinutes(3);

  private final ResourceRegistry registry;
  private final AlertStore store;
  private final AlertConfigStore configStore;
  private final List<AlertRule> rules;
  private final AlertEvaluator evaluator;
  private final Clock clock;
  private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
  private AlertBook book = AlertBook.EMPTY;
  private AlertConfig config = AlertConfig.DEFAULT;

  AlertService(ResourceRegistry registry, AlertStore store, AlertConfigStore configStore, List<AlertRule> rules, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.configStore = configStore;
    this.rules = List.copyOf(rules);
    this.evaluator = new AlertEvaluator(rules);
    this.clock = clock;
  }

  private Instant restoredAt;

  synchronized void restore() {
    book = store.load();
    config = configStore.load();
    restoredAt = clock.instant();
  }

  /**
   * Whether a resource's source has yet to report since the alerts were restored, within the
   * grace: its restored alerts are kept as they are meanwhile, not resolved and then told again.
   */
  private Predicate<String> awaited(Instant now) {
    if (restoredAt == null || !now.isBefore(restoredAt.plus(RESTORE_GRACE))) {
      return resourceId -> false;
    }
    Set<String> heard = new HashSet<>();
    for (SourceHealth h : registry.sourceHealth()) {
      if (h.lastSuccess() != null && !h.lastSuccess().isBefore(restoredAt)) {
        heard.add(h.sourceId());
      }
    }
    return resourceId -> {
      int colon = resourceId.indexOf(':');
      return colon > 0 && !heard.contains(resourceId.substring(0, colon));
    };
  }

  /** Evaluates now; returns what changed. */
  public List<AlertEvent> evaluate() {
    List<AlertEvent> events;
    synchronized (this) {
      Instant now = clock.instant();
      AlertEvaluator.Outcome o = evaluator.evaluate(registry.snapshot().resources(), book, config, now, awaited(now));
      boolean changed = !o.book().alerts().equals(book.alerts()) || !o.book().cleared().equals(book.cleared());
      book = o.book();
      events = o.events();
      if (changed || !events.isEmpty()) {
        store.save(book, events.stream().filter(e -> e.type() != AlertEvent.Type.UPDATED).map(AlertHistoryEntry::of).toList());
      }
    }
    publish(events);
    return events;
  }

  void evaluateQuietly() {
    try {
      evaluate();
    } catch (RuntimeException e) {
      LOG.warn("alert evaluation failed: {}", e.getMessage(), e);
    }
  }

  /** The alerts in progress: firing, and pending (waiting out their delay). */
  public synchronized List<Alert> active() {
    return List.copyOf(book.alerts().values());
  }

  public List<AlertHistoryEntry> history(Instant from, int limit) {
    return store.history(from, limit);
  }

  public List<AlertRule> rules() {
    return rules;
  }

  public synchronized AlertConfig config() {
    return config;
  }

  /** Replaces the tuning; it applies from the next evaluation. */
  public void setConfig(AlertConfig newConfig) {
    synchronized (this) {
      configStore.save(newConfig);
      config = newConfig;
    }
    evaluate();
  }

  public Alert acknowledge(String id, String by) {
    return byHand(id, by, AlertEvent.Type.ACKNOWLEDGED);
  }

  public Alert unacknowledge(String id, String by) {
    return byHand(id, by, AlertEvent.Type.UNACKNOWLEDGED);
  }

  /** Ends an alert by hand; it does not come back until its condition has gone once. */
  public Alert clear(String id, String by) {
    return byHand(id, by, AlertEvent.Type.CLEARED);
  }

  private Alert byHand(String id, String by, AlertEvent.Type type) {
    AlertEvent event;
    synchronized (this) {
      Alert alert = book.alerts().get(id);
      if (alert == null) {
        throw new NoSuchElementException("no active alert " + id);
      }
      Instant now = clock.instant();
      Map<String, Alert> alerts = new HashMap<>(book.alerts());
      Set<String> cleared = new HashSet<>(book.cleared());
      Alert after = switch (type) {
        case ACKNOWLEDGED -> alert.withAcknowledgement(new Alert.Acknowledgement(by, now));
        case UNACKNOWLEDGED -> alert.withAcknowledgement(null);
        default -> alert;
      };
      if (type == AlertEvent.Type.CLEARED) {
        alerts.remove(id);
        cleared.add(id);
      } else {
        alerts.put(id, after);
      }
      book = book.with(alerts, cleared);
      store.save(book, List.of(AlertHistoryEntry.byHand(now, type.wireName(), after, by)));
      event = new AlertEvent(type, after, now, false);
    }
    publish(List.of(event));
    return event.alert();
  }

  /**
   * An alert a platform raised itself, such as PVE's "backup failed": it fires at once (or changes
   * level) on the resource, and resolves when the platform reports the same kind of event as fine.
   *
   * @param kind for example {@code vzdump}; with the resource it identifies the alert
   * @param level {@code null} when the platform says it is fine again
   */
  public List<AlertEvent> external(Resource resource, String kind, AlertLevel level, String message) {
    List<AlertEvent> events = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      String ruleId = AlertEvaluator.EXTERNAL + kind;
      String id = Alert.id(ruleId, resource.id());
      Alert previous = book.alerts().get(id);
      Map<String, Alert> alerts = new HashMap<>(book.alerts());
      if (level == null) {
        if (previous == null) {
          return List.of();
        }
        alerts.remove(id);
        events.add(new AlertEvent(AlertEvent.Type.RESOLVED, previous, now, previous.sendNotifications()));
      } else {
        Alert alert = new Alert(id, ruleId, resource.id(), resource.name(), resource.type(), resource.parentId(),
            AlertCategory.HEALTH, level, Alert.Phase.FIRING, message, null, null, previous == null ? now : previous.since(),
            previous == null ? now : previous.firedAt(), 0, previous == null ? null : previous.acknowledgement(), false, true);
        alerts.put(id, alert);
        if (previous == null) {
          events.add(new AlertEvent(AlertEvent.Type.FIRED, alert, now, true));
        } else if (previous.level() != level) {
          events.add(new AlertEvent(level.compareTo(previous.level()) > 0 ? AlertEvent.Type.ESCALATED : AlertEvent.Type.DEESCALATED,
              alert, now, level.compareTo(previous.level()) > 0));
        }
      }
      book = book.with(alerts, book.cleared());
      store.save(book, events.stream().map(AlertHistoryEntry::of).toList());
    }
    publish(events);
    return events;
  }

  public void subscribe(Consumer<AlertEvent> listener) {
    listeners.add(listener);
  }

  public void unsubscribe(Consumer<AlertEvent> listener) {
    listeners.remove(listener);
  }

  private void publish(List<AlertEvent> events) {
    for (AlertEvent e : events) {
      for (Consumer<AlertEvent> l : listeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          LOG.warn("an alert listener failed: {}", ex.getMessage());
        }
      }
    }
  }
}
