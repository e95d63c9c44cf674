package dev.pulse.adapters.notify.internal;

import java.net.URI;
import java.util.Map;

/** What to send to a webhook: where, the headers and the body. Internal: not API. */
public record WebhookRequest(URI url, Map<String, String> headers, String contentType, byte[] body) {

  public WebhookRequest {
    headers = Map.copyOf(headers);
  }
}
