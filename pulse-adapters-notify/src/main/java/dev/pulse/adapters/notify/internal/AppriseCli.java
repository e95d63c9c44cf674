package dev.pulse.adapters.notify.internal;

import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender.DeliveryFailed;
import dev.pulse.domain.notify.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apprise through its command line ({@code mode: cli}): {@code apprise -t <subject> -b <message>
 * -n <type> <url>…}, the Apprise URLs (which hold credentials) taken from the secret {@code urls},
 * one per line. A non-zero exit is retried by the queue. Internal: not API.
 */
public final class AppriseCli {

  private AppriseCli() {}

  public static void send(Channel c, Notification n, Duration timeout) throws DeliveryFailed {
    Secret urls = c.secrets().get("urls");
    if (urls == null || urls.reveal().isBlank()) {
      throw new DeliveryFailed("the apprise channel in cli mode needs its urls", true);
    }
    List<String> command = new ArrayList<>(List.of(c.setting("command", "apprise"), "-t", n.subject(), "-b", n.message(), "-n",
        n.resolved() ? "success" : n.level().equals("critical") ? "failure" : "warning"));
    for (String url : urls.reveal().split("\\R")) {
      if (!url.isBlank()) {
        command.add(url.strip());
      }
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new DeliveryFailed("cannot run " + command.get(0) + ": " + e.getMessage(), true);
    }
    try {
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new DeliveryFailed("apprise did not finish within " + timeout.toSeconds() + " s", false);
      }
      if (p.exitValue() != 0) {
        String out = new String(p.getInputStream().readNBytes(500), StandardCharsets.UTF_8).strip();
        throw new DeliveryFailed("apprise exited with " + p.exitValue() + (out.isEmpty() ? "" : ": " + out), false);
      }
    } catch (IOException e) {
      throw new DeliveryFailed("apprise: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted", false);
    }
  }
}
