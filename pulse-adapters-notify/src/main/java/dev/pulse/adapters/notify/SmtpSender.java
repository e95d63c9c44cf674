package dev.pulse.adapters.notify;

import dev.pulse.domain.connection.FailureWords;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.Notification;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/**
 * Email over SMTP with Jakarta Mail. Settings: {@code host}, {@code port} (587), {@code security}
 * ({@code starttls}, the default and required when chosen; {@code tls}, implicit TLS as on port 465;
 * {@code none}), {@code from}, {@code to} (comma-separated), {@code username}; secret: {@code
 * password}. Plain text, subject "[CRITICAL] web01: CPU 96 % ≥ 95 %".
 */
public final class SmtpSender implements ChannelSender {

  private final Duration timeout;

  public SmtpSender(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean supports(ChannelType type) {
    return type == ChannelType.EMAIL;
  }

  @Override
  public void send(Channel channel, Notification n) throws DeliveryFailed {
    String host = channel.setting("host", null);
    String from = channel.setting("from", null);
    String to = channel.setting("to", null);
    if (host == null || from == null || to == null) {
      throw new DeliveryFailed("the email channel needs host, from and to", true);
    }
    String security = channel.setting("security", "starttls").toLowerCase(Locale.ROOT);
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", channel.setting("port", security.equals("tls") ? "465" : "587"));
    String millis = String.valueOf(timeout.toMillis());
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    switch (security) {
      case "tls" -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "none" -> { }
      default -> throw new DeliveryFailed("security must be starttls, tls or none, not " + security, true);
    }
    String user = channel.setting("username", null);
    Secret password = channel.secrets().get("password");
    Authenticator auth = null;
    if (user != null) {
      p.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user, password == null ? "" : password.reveal());
        }
      };
    }
    long started = System.nanoTime();
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(p, auth));
      message.setFrom(new InternetAddress(from, true));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      message.setSubject(n.subject(), "UTF-8");
      message.setSentDate(Date.from(n.at()));
      message.setHeader("X-Pulse-Event-ID", n.id());
      message.setText(body(n), "UTF-8");
      Transport.send(message);
    } catch (AddressException e) {
      throw new DeliveryFailed("a bad address: " + e.getMessage(), true);
    } catch (MessagingException e) {
      String peer = host + ":" + p.getProperty("mail.smtp.port");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      // Jakarta Mail reports a connection that ended before an answer as "response: [EOF]"
      Throwable why = String.valueOf(e.getMessage()).contains("[EOF]") ? new EOFException() : e;
      throw new DeliveryFailed("SMTP: " + (why != e || hasIoCause(e) ? FailureWords.of(why, peer, elapsed)
          : peer + " said " + e.getMessage()), e);
    }
  }

  /** Whether the mail server was never reached or stopped answering, rather than refusing in words. */
  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String body(Notification n) {
    StringBuilder b = new StringBuilder();
    b.append(n.resolved() ? "Resolved: " : n.level().toUpperCase(Locale.ROOT) + ": ").append(n.message()).append("\n\n");
    b.append("Resource: ").append(n.resourceName()).append(" (").append(n.resourceId()).append(")\n");
    b.append("Rule: ").append(n.ruleId()).append('\n');
    if (n.value() != null) {
      b.append("Value: ").append(n.value()).append(n.threshold() == null ? "" : " (threshold " + n.threshold() + ")").append('\n');
    }
    if (n.since() != null) {
      b.append("Firing since: ").append(n.since()).append('\n');
    }
    b.append("At: ").append(n.at()).append("\n\n— Pulse\n");
    return b.toString();
  }
}
