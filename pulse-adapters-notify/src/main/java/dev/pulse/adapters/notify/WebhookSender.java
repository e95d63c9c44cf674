package dev.pulse.adapters.notify;

import dev.pulse.adapters.notify.internal.AppriseCli;
import dev.pulse.adapters.notify.internal.BodyTemplate;
import dev.pulse.adapters.notify.internal.PrivateAddresses;
import dev.pulse.adapters.notify.internal.WebhookPayloads;
import dev.pulse.adapters.notify.internal.WebhookRequest;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.connection.FailureWords;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Webhooks with the JDK's HTTP client, each shaped for its service (see {@code WebhookPayloads}),
 * and Apprise either through its API or, with {@code mode: cli}, its command line.
 * Every request carries {@code X-Pulse-Event-ID}; with a secret {@code hmacSecret} also {@code
 * X-Pulse-Timestamp} and {@code X-Pulse-Signature: v1=<hex HMAC-SHA256 of timestamp "." body>}.
 * Private and loopback addresses are refused unless the channel allows them. A 4xx answer (other
 * than 408 and 429) is permanent; 5xx, 408, 429 and network errors are retried by the queue.
 */
public final class WebhookSender implements ChannelSender {

  private static final Set<ChannelType> TYPES = EnumSet.complementOf(EnumSet.of(ChannelType.EMAIL));

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final @Nullable Path appriseCli;

  /** Without Apprise's command line: channels in {@code cli} mode are refused. */
  public WebhookSender(Duration timeout, Clock clock) {
    this(timeout, clock, null);
  }

  /**
   * @param appriseCli the Apprise program that channels in {@code cli} mode run, as the operator
   *     chose it at start ({@code PULSE_APPRISE_CLI}), or {@code null} for none: a channel never
   *     chooses the program
   */
  public WebhookSender(Duration timeout, Clock clock, @Nullable Path appriseCli) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.clock = clock;
    this.appriseCli = appriseCli;
  }

  @Override
  public boolean supports(ChannelType type) {
    return TYPES.contains(type);
  }

  /**
   * Checks a channel before it is saved: its template compiles; a webhook URL is http(s) and, unless
   * the channel allows private addresses, does not point inside the network; an Apprise channel in
   * {@code cli} mode names no program and passes only Apprise URLs.
   */
  @Override
  public void check(Channel channel) {
    String template = channel.setting("template", null);
    if (template != null) {
      try {
        new BodyTemplate(template);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("settings.template", e.getMessage());
      }
    }
    if (isCli(channel)) {
      AppriseCli.check(channel, appriseCli);
      return;
    }
    String url = channel.setting("url", null);
    if (url != null) {
      checkUrl(url, channel.allowPrivateAddresses());
    }
  }

  private static boolean isCli(Channel channel) {
    return channel.type() == ChannelType.APPRISE && "cli".equals(channel.setting("mode", "api"));
  }

  private static void checkUrl(String url, boolean allowPrivate) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidFieldException("settings.url", "settings.url is not a URL: " + e.getReason());
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidFieldException("settings.url", "settings.url must be an http or https URL with a host");
    }
    if (allowPrivate) {
      return;
    }
    try {
      String inside = PrivateAddresses.inside(uri);
      if (inside != null) {
        throw new InvalidFieldException("settings.url", uri.getHost() + " is a private address (" + inside
            + "): set allowPrivateAddresses on this channel to send there");
      }
    } catch (UnknownHostException e) {
      // not resolvable from here now: checked again before each send
    }
  }

  @Override
  public void send(Channel channel, Notification n) throws DeliveryFailed {
    if (isCli(channel)) {
      AppriseCli.send(appriseCli, channel, n, timeout);
      return;
    }
    WebhookRequest r = WebhookPayloads.build(channel, n);
    if (!"https".equalsIgnoreCase(r.url().getScheme()) && !"http".equalsIgnoreCase(r.url().getScheme())) {
      throw new DeliveryFailed("a webhook URL must be http or https", true);
    }
    try {
      String inside = PrivateAddresses.inside(r.url());
      if (inside != null && !channel.allowPrivateAddresses()) {
        throw new DeliveryFailed(r.url().getHost() + " is a private address (" + inside
            + "): allow private addresses on this channel to send there", true);
      }
    } catch (UnknownHostException e) {
      throw new DeliveryFailed("cannot resolve " + r.url().getHost(), e);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(r.url()).timeout(timeout)
        .header("Content-Type", r.contentType()).header("User-Agent", "Pulse").header("X-Pulse-Event-ID", n.id())
        .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
    r.headers().forEach(b::header);
    Secret hmac = channel.secrets().get("hmacSecret");
    if (hmac != null && !hmac.reveal().isEmpty()) {
      String timestamp = String.valueOf(clock.instant().getEpochSecond());
      b.header("X-Pulse-Timestamp", timestamp).header("X-Pulse-Signature", "v1=" + sign(hmac.reveal(), timestamp, r.body()));
    }
    HttpResponse<String> response;
    long started = System.nanoTime();
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String peer = r.url().getHost() + (r.url().getPort() < 0 ? "" : ":" + r.url().getPort());
      throw new DeliveryFailed(FailureWords.of(e, peer, Duration.ofNanos(System.nanoTime() - started)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted", false);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String body = response.body() == null ? "" : response.body();
    String detail = r.url().getHost() + " answered HTTP " + status + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length())));
    boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    throw new DeliveryFailed(detail, permanent);
  }

  /** The hex HMAC-SHA256 of {@code timestamp + "." + body}: receivers recompute it with the shared secret. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
