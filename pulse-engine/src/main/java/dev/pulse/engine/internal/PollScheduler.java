package dev.pulse.engine.internal;

import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.Observation;
import dev.pulse.engine.SourceSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each source on its own schedule, in its own worker thread, with its own timeout, so one
 * slow or dead endpoint never delays another. A collection still running when the next one is due
 * makes that one skip; one that outlives its timeout is cancelled and reported as failed.
 *
 * <p>Thread-safe. Owns its threads ({@code pulse-scheduler-N}, {@code pulse-poll-N}) and stops them
 * in {@link #close()}. Internal: not API.
 */
public final class PollScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

  private final Clock clock;
  private final Consumer<Observation> sink;
  private final ScheduledExecutorService timer;
  private final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreadFactory("pulse-poll"));
  private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();

  public PollScheduler(Clock clock, Consumer<Observation> sink, ScheduledExecutorService timer) {
    this.clock = clock;
    this.sink = sink;
    this.timer = timer;
  }

  /** Starts polling the source now and then every interval. Replaces a source with the same id. */
  public void add(SourceSpec spec) {
    remove(spec.id());
    Scheduled entry = new Scheduled(spec);
    scheduled.put(spec.id(), entry);
    entry.tick = timer.scheduleAtFixedRate(
        () -> poll(entry), 0, spec.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops polling the source and closes its collector. */
  public void remove(String sourceId) {
    Scheduled entry = scheduled.remove(sourceId);
    if (entry != null) {
      entry.stop();
    }
  }

  private void poll(Scheduled entry) {
    if (!entry.inFlight.compareAndSet(false, true)) {
      LOG.debug("source {} is still collecting; skipping this tick", entry.spec.id());
      return;
    }
    AtomicBoolean reported = new AtomicBoolean();
    Future<?> run = workers.submit(() -> {
      try {
        CollectionResult result = collectSafely(entry.spec);
        if (reported.compareAndSet(false, true) && !entry.stopped) {
          deliver(entry, result);
        }
      } finally {
        entry.inFlight.set(false);
      }
    });
    timer.schedule(() -> {
      if (!run.isDone() && reported.compareAndSet(false, true)) {
        run.cancel(true);
        long ms = entry.spec.timeout().toMillis();
        LOG.warn("source {} timed out after {} ms", entry.spec.id(), ms);
        if (!entry.stopped) {
          deliver(entry, CollectionResult.failure("timed out after " + ms + " ms"));
        }
      }
    }, entry.spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static CollectionResult collectSafely(SourceSpec spec) {
    try {
      CollectionResult result = spec.collector().collect();
      return result != null ? result : CollectionResult.failure("collector returned nothing");
    } catch (Throwable t) { // an adapter bug must not stop the engine
      LOG.warn("collector for source {} threw", spec.id(), t);
      String what = t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage();
      return CollectionResult.failure("collecting failed unexpectedly" + what + " (a fault in Pulse; its log has the details)");
    }
  }

  private void deliver(Scheduled entry, CollectionResult result) {
    try {
      sink.accept(new Observation(entry.spec.id(), entry.spec.collector().platform(), clock.instant(), result));
    } catch (RuntimeException e) {
      LOG.error("applying an observation from source {} failed", entry.spec.id(), e);
    }
  }

  @Override
  public void close() {
    scheduled.keySet().forEach(this::remove);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Scheduled {
    final SourceSpec spec;
    final AtomicBoolean inFlight = new AtomicBoolean();
    volatile ScheduledFuture<?> tick;
    volatile boolean stopped;

    Scheduled(SourceSpec spec) {
      this.spec = spec;
    }

    void stop() {
      stopped = true;
      if (tick != null) {
        tick.cancel(false);
      }
      try {
        spec.collector().close();
      } catch (Exception e) {
        LOG.warn("closing the collector of source {} failed", spec.id(), e);
      }
    }
  }
}
