package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A Proxmox ticket for user-and-password auth: logged in on first use, renewed (by posting the
 * ticket as the password) once it is 90 minutes old, well before its 2-hour expiry, and dropped
 * when the server answers 401 so the next call logs in again. Thread-safe. Internal: not API.
 */
final class TicketSession {

  /** Sends {@code POST /access/ticket} with the form fields and returns its {@code data}. */
  interface Login {
    JsonNode post(String username, String password) throws ProxmoxApiException;
  }

  private static final Duration RENEW_AFTER = Duration.ofMinutes(90);
  private static final Duration EXPIRES_AFTER = Duration.ofHours(2);

  private final String username;
  private final String password;
  private final Clock clock;
  private String ticket;
  private String csrf;
  private Instant issuedAt;

  TicketSession(String username, String password, Clock clock) {
    this.username = username;
    this.password = password;
    this.clock = clock;
  }

  /** The cookie value, logging in or renewing first when needed. */
  synchronized String ticket(Login login) throws ProxmoxApiException {
    Instant now = clock.instant();
    if (ticket != null && Duration.between(issuedAt, now).compareTo(RENEW_AFTER) < 0) {
      return ticket;
    }
    boolean renew = ticket != null && Duration.between(issuedAt, now).compareTo(EXPIRES_AFTER) < 0;
    JsonNode data = null;
    if (renew) {
      try {
        data = login.post(username, ticket);
      } catch (ProxmoxApiException e) {
        data = null; // the renewal was refused: log in afresh below
      }
    }
    if (data == null) {
      data = login.post(username, password);
    }
    if (PveJson.flag(data, "NeedTFA") || String.valueOf(PveJson.text(data, "ticket")).contains("!tfa!")) {
      throw new ProxmoxApiException("the account " + username + " uses two-factor authentication, which Pulse cannot "
          + "answer; use an API token instead", 401);
    }
    String newTicket = PveJson.text(data, "ticket");
    if (newTicket == null) {
      throw new ProxmoxApiException("the login answered without a ticket", 401);
    }
    ticket = newTicket;
    csrf = PveJson.text(data, "CSRFPreventionToken");
    issuedAt = now;
    return ticket;
  }

  synchronized String csrf() {
    return csrf;
  }

  /** Forgets the ticket after a 401, so that the next call logs in. */
  synchronized void invalidate() {
    ticket = null;
    csrf = null;
    issuedAt = null;
  }
}
