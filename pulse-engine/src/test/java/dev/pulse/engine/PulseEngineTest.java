package dev.pulse.engine;

import static dev.pulse.engine.Fixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.Notification;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ResourceCollector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PulseEngineTest {

  /** A collector that blocks until released, like a vendor API that never answers. */
  private static final class HangingCollector implements ResourceCollector {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String platform() {
      return "test";
    }

    @Override
    public CollectionResult collect() {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CollectionResult.success(List.of());
    }
  }

  private static final class CountingCollector implements ResourceCollector {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean closed;

    @Override
    public String platform() {
      return "test";
    }

    @Override
    public CollectionResult collect() {
      int n = calls.incrementAndGet();
      return CollectionResult.success(List.of(vm("qemu-100", "web01", n)));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void aSourceThatHangsTimesOutWithoutDelayingTheOthers() throws Exception {
    HangingCollector hanging = new HangingCollector();
    CountingCollector fast = new CountingCollector();
    try (PulseEngine engine = PulseEngine.builder()
        .addSource(new SourceSpec("dead", "dead", hanging, Duration.ofSeconds(30), Duration.ofMillis(300)))
        .addSource(new SourceSpec("live", "live", fast, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .build()
        .start()) {

      // the live source keeps collecting while the dead one is still blocked
      awaitTrue(() -> fast.calls.get() >= 5);
      assertEquals(1, hanging.release.getCount(), "the dead source has not answered");

      awaitTrue(() -> engine.registry().sourceHealth().stream()
          .anyMatch(h -> h.sourceId().equals("dead") && h.status() == SourceStatus.ERROR));
      String error = engine.registry().sourceHealth().stream()
          .filter(h -> h.sourceId().equals("dead")).findFirst().orElseThrow().lastError();
      assertTrue(error.contains("timed out"), error);
      assertTrue(engine.registry().get("live:qemu-100").isPresent());
    }
  }

  @Test
  void aMailServerThatHangsDelaysNoPollBecauseDeliveryHasItsOwnThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> sendingThread = new AtomicReference<>();
    ChannelSender hanging = new ChannelSender() {
      @Override
      public boolean supports(ChannelType type) {
        return true;
      }

      @Override
      public void send(Channel channel, Notification n) {
        sendingThread.set(Thread.currentThread().getName());
        try {
          release.await(); // an SMTP server that never answers
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    CountingCollector fast = new CountingCollector();
    try (PulseEngine engine = PulseEngine.builder()
        .addSource(new SourceSpec("live", "live", fast, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .addChannelSender(hanging)
        .build()
        .start()) {
      engine.notifications().save(new Channel("c1", "ops", ChannelType.WEBHOOK, true, Map.of(), Map.of(), true, null, 0, 0));
      engine.notifications().onAlert(Fixtures.alertEvent("qemu-100", AlertEvent.Type.FIRED, true, engine.clock().instant()));
      awaitTrue(() -> sendingThread.get() != null);
      int before = fast.calls.get();
      awaitTrue(() -> fast.calls.get() >= before + 5);
      assertTrue(sendingThread.get().startsWith("pulse-notify"), "delivered on " + sendingThread.get());
      assertEquals(1, release.getCount(), "the delivery is still hanging while polls go on");
      release.countDown();
    }
  }

  /** A VM at 95 % CPU, every poll. */
  private static final class BusyCollector implements ResourceCollector {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String platform() {
      return "test";
    }

    @Override
    public CollectionResult collect() {
      calls.incrementAndGet();
      return CollectionResult.success(List.of(vm("qemu-100", "web01", 95)));
    }
  }

  @Test
  void anEmbedderCanSwitchTheAlertLoopAndTheAuditTrailOff() throws Exception {
    BusyCollector busy = new BusyCollector();
    try (PulseEngine off = PulseEngine.builder()
        .addSource(new SourceSpec("s", "s", busy, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .pollInterval(Duration.ofMillis(100))
        .alertsEnabled(false).notificationsEnabled(false).auditEnabled(false)
        .build()
        .start()) {
      awaitTrue(() -> busy.calls.get() >= 30); // 1.5 s of polls: some 15 evaluations, were the loop on
      assertEquals(List.of(), off.alerts().active(), "no alert, not even a pending one");
      off.audit().record(new AuditEvent(off.clock().instant(), "admin", "POST /x", "", "127.0.0.1", "success 200", null));
      off.audit().flushQuietly();
      assertEquals(0, off.audit().verify().checked(), "nothing recorded");
    }
    BusyCollector again = new BusyCollector();
    try (PulseEngine on = PulseEngine.builder()
        .addSource(new SourceSpec("s", "s", again, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .pollInterval(Duration.ofMillis(100))
        .build()
        .start()) {
      awaitTrue(() -> !on.alerts().active().isEmpty()); // the same VM, the loop on: a CPU alert waits out its delay
    }
  }

  @Test
  void aSubscriberIsCalledOnItsOwnThreadOutsideTheRegistrysLockSoASlowOneHoldsUpNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    CountingCollector fast = new CountingCollector();
    try (PulseEngine engine = PulseEngine.builder()
        .addSource(new SourceSpec("live", "live", fast, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .build()) {
      Subscription s = engine.subscribe(change -> {
        thread.compareAndSet(null, Thread.currentThread().getName());
        try {
          release.await(); // a subscriber that takes its time
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      engine.start();
      awaitTrue(() -> thread.get() != null);
      long version = engine.registry().snapshot().version(); // the registry answers while the subscriber waits
      awaitTrue(() -> engine.registry().snapshot().version() > version + 3); // and polls go on changing it
      assertTrue(thread.get().startsWith("pulse-subscriber-"), thread.get());
      release.countDown();
      s.close();
    }
  }

  @Test
  void aSubscriberTooFarBehindGetsTheWholeStateThenTheChangesAfterIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<StateChange> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PulseEngine engine = PulseEngine.builder().build()) {
      Subscription s = engine.subscribe(change -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        received.add(change);
      }, 10);
      java.time.Instant t = java.time.Instant.parse("2026-11-28T12:00:00Z");
      for (int i = 0; i < 40; i++) { // 40 changes while the subscriber is stuck on the first
        engine.registry().apply(Fixtures.ok("s" + i, t.plusSeconds(i), vm("qemu-100", "vm" + i, i)));
      }
      release.countDown();
      long newest = engine.registry().snapshot().version();
      awaitTrue(() -> !received.isEmpty() && received.get(received.size() - 1).version() == newest);
      StateChange whole = received.stream().filter(StateChange::full).findFirst().orElseThrow();
      assertEquals(1, s.resyncs());
      assertTrue(received.size() <= 12, "never more than the first, 10 queued and the whole state: " + received.size());
      assertTrue(whole.upserts().size() >= 30, "the whole state lists every resource: " + whole.upserts().size());
      for (int i = 1; i < received.size(); i++) {
        assertTrue(received.get(i).version() > received.get(i - 1).version(), "in version order");
      }
      s.close();
    }
  }

  @Test
  void aCollectorThatThrowsMarksOnlyItsSourceFailed() throws Exception {
    ResourceCollector broken = new ResourceCollector() {
      @Override
      public String platform() {
        return "test";
      }

      @Override
      public CollectionResult collect() {
        throw new IllegalStateException("adapter bug");
      }
    };
    CountingCollector fine = new CountingCollector();
    try (PulseEngine engine = PulseEngine.builder()
        .addSource(new SourceSpec("broken", "broken", broken, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .addSource(new SourceSpec("fine", "fine", fine, Duration.ofMillis(50), Duration.ofSeconds(5)))
        .build()
        .start()) {
      awaitTrue(() -> engine.registry().sourceHealth().stream()
          .anyMatch(h -> h.sourceId().equals("broken") && h.status() == SourceStatus.ERROR));
      awaitTrue(() -> fine.calls.get() >= 3);
      assertTrue(engine.registry().sourceHealth().stream()
          .anyMatch(h -> h.sourceId().equals("fine") && h.status() == SourceStatus.HEALTHY));
    }
  }

  @Test
  void closingStopsTheEnginesThreadsAndClosesCollectors() throws Exception {
    CountingCollector collector = new CountingCollector();
    PulseEngine engine = PulseEngine.builder()
        .addSource(new SourceSpec("s", "s", collector, Duration.ofMillis(20), Duration.ofSeconds(1)))
        .build()
        .start();
    awaitTrue(() -> collector.calls.get() >= 2);

    engine.close();

    assertTrue(collector.closed);
    awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && (t.getName().startsWith("pulse-scheduler") || t.getName().startsWith("pulse-notify"))));
    int after = collector.calls.get();
    Thread.sleep(100);
    assertEquals(after, collector.calls.get(), "no collection after close");
  }

  @Test
  void anIngestedReportIsStaleAfterSixIntervalsClampedToAMinute() {
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-11-28T12:00:00Z"));
    java.time.Clock clock = new java.time.Clock() {
      @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
      @Override public java.time.Clock withZone(java.time.ZoneId z) { return this; }
      @Override public java.time.Instant instant() { return now.get(); }
    };
    try (PulseEngine engine = PulseEngine.builder().clock(clock).build()) {
      engine.ingest("agent-a", "agent", Duration.ofSeconds(30), List.of(vm("host", "a", 1)));
      engine.registry().checkStaleness(now.get().plusSeconds(179));
      assertEquals(SourceStatus.HEALTHY, engine.registry().get("agent-a:host").orElseThrow().sources().get(0).status());
      engine.registry().checkStaleness(now.get().plusSeconds(180));
      assertEquals(SourceStatus.STALE, engine.registry().get("agent-a:host").orElseThrow().sources().get(0).status());

      engine.ingest("agent-b", "agent", Duration.ofSeconds(2), List.of(vm("host", "b", 1)));
      engine.registry().checkStaleness(now.get().plusSeconds(59));
      assertEquals(SourceStatus.HEALTHY, engine.registry().get("agent-b:host").orElseThrow().sources().get(0).status(),
          "6 × 2 s is clamped up to 60 s");
    }
  }

  @Test
  void twoEnginesInOneJvmDoNotShareState() {
    try (PulseEngine a = PulseEngine.builder().build(); PulseEngine b = PulseEngine.builder().build()) {
      a.registry().apply(Fixtures.ok("s", a.clock().instant(), vm("qemu-1", "x", 1)));
      assertEquals(1, a.registry().snapshot().resources().size());
      assertFalse(b.registry().get("s:qemu-1").isPresent());
    }
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
