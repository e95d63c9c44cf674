package dev.pulse.engine;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's feed of registry changes, delivered in version order on a thread of its own
 * ({@code pulse-subscriber-N}), outside every lock of the engine: the listener may take its time,
 * read the registry or call back into the engine. Close it to stop the feed and the thread.
 *
 * <p>A slow subscriber: while it works, changes wait in its queue. One that falls more than
 * {@link #MAX_BEHIND} changes behind is not sent them one by one: the waiting changes are dropped
 * and it next receives one change with {@link StateChange#full()} set, listing every resource there
 * is at that version, then the changes after it. Polling never waits for a subscriber, and a
 * subscriber never holds more than {@code MAX_BEHIND} changes in memory.
 */
public final class Subscription implements AutoCloseable {

  /** How many changes a subscriber may fall behind before it is sent the whole state instead. */
  public static final int MAX_BEHIND = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

  private final Consumer<StateChange> listener;
  private final Supplier<StateSnapshot> snapshot;
  private final int maxBehind;
  private final ArrayDeque<StateChange> waiting = new ArrayDeque<>();
  private final Thread thread;
  private boolean resync;
  private boolean closed;
  private long delivered = -1;
  private long resyncs;
  /** What the registry calls, kept so that the same one can be removed. */
  final Consumer<StateChange> feed = this::offer;

  Subscription(Consumer<StateChange> listener, Supplier<StateSnapshot> snapshot, int maxBehind, String threadName) {
    this.listener = listener;
    this.snapshot = snapshot;
    this.maxBehind = maxBehind;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Called by the registry, under its lock: only queues. */
  synchronized void offer(StateChange change) {
    if (closed || resync) {
      return; // closed, or the whole state goes next anyway
    }
    if (waiting.size() >= maxBehind) {
      waiting.clear();
      resync = true;
    } else {
      waiting.add(change);
    }
    notifyAll();
  }

  /** How many times the subscriber fell too far behind and was sent the whole state. */
  public synchronized long resyncs() {
    return resyncs;
  }

  private void run() {
    while (true) {
      StateChange next;
      synchronized (this) {
        while (!closed && !resync && waiting.isEmpty()) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        if (resync) {
          resync = false;
          resyncs++;
          next = null;
        } else {
          next = waiting.poll();
        }
      }
      if (next == null) {
        StateSnapshot all = snapshot.get(); // read outside this lock: offer may run meanwhile
        next = new StateChange(all.resources(), List.of(), all.version(), true);
      }
      if (next.version() <= delivered) {
        continue; // already in a whole state sent before it
      }
      delivered = next.version();
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        LOG.warn("a subscriber failed on change {}: {}", next.version(), e.toString());
      }
    }
  }

  /** Stops the feed; the thread ends once the change in hand, if any, is delivered. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      waiting.clear();
      notifyAll();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
