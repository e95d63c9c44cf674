package dev.pulse.adapters.notify.internal;

import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender.DeliveryFailed;
import dev.pulse.domain.notify.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Apprise through its command line ({@code mode: cli}): {@code <program> -t <subject> -b <message>
 * -n <type> -- <url>…}, run directly (never through a shell). The program is the one the operator
 * chose at start; a channel chooses only its Apprise URLs (which hold credentials), taken from the
 * secret {@code urls}, one per line, each {@code scheme://…} so that none can pass for an option.
 * A non-zero exit is retried by the queue. Internal: not API.
 */
public final class AppriseCli {

  /** An Apprise URL: a scheme, {@code ://}, then no white space. Nothing that starts with {@code -}. */
  private static final Pattern APPRISE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S+");

  private AppriseCli() {}

  /** Refuses, naming the field, a channel that names a program, or one no program is allowed for. */
  public static void check(Channel c, @Nullable Path program) {
    if (c.setting("command", null) != null) {
      throw new InvalidFieldException("settings.command", "a channel cannot choose a program: the operator sets "
          + "PULSE_APPRISE_CLI when Pulse starts; leave settings.command out");
    }
    if (program == null) {
      throw new InvalidFieldException("settings.mode", "Apprise's command line is off on this Pulse: its operator turns it on "
          + "with PULSE_APPRISE_CLI=/usr/bin/apprise, or use mode api with an Apprise API server");
    }
    Secret urls = c.secrets().get("urls");
    if (urls != null) {
      urls(urls);
    }
  }

  public static void send(@Nullable Path program, Channel c, Notification n, Duration timeout) throws DeliveryFailed {
    if (program == null) {
      throw new DeliveryFailed("Apprise's command line is off on this Pulse (PULSE_APPRISE_CLI is not set)", true);
    }
    Secret urls = c.secrets().get("urls");
    if (urls == null || urls.reveal().isBlank()) {
      throw new DeliveryFailed("the apprise channel in cli mode needs its urls", true);
    }
    List<String> command = new ArrayList<>(List.of(program.toString(), "-t", n.subject(), "-b", n.message(), "-n",
        n.resolved() ? "success" : n.level().equals("critical") ? "failure" : "warning", "--"));
    try {
      command.addAll(urls(urls));
    } catch (InvalidFieldException e) {
      throw new DeliveryFailed(e.getMessage(), true);
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new DeliveryFailed("cannot run " + program + ": " + e.getMessage(), true);
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

  /** The Apprise URLs, one a line; a line that is not one is refused by its number, never shown (it holds credentials). */
  private static List<String> urls(Secret urls) {
    List<String> out = new ArrayList<>();
    String[] lines = urls.reveal().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String url = lines[i].strip();
      if (url.isEmpty()) {
        continue;
      }
      if (!APPRISE_URL.matcher(url).matches()) {
        throw new InvalidFieldException("secrets.urls", "line " + (i + 1) + " of secrets.urls is not an Apprise URL "
            + "(scheme://…, one a line)");
      }
      out.add(url);
    }
    return out;
  }
}
