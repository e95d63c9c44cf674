package dev.pulse.engine.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes named daemon threads, {@code prefix-1}, {@code prefix-2}… Internal: not API, may change
 * without notice.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();

  public NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
