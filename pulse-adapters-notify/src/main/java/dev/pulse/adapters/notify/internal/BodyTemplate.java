package dev.pulse.adapters.notify.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.pulse.domain.notify.Notification;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic webhook's own body, written as a Mustache template: {@code {"text":"{{subject}}"}}.
 * Values are escaped for a JSON string, so a message with quotes or line breaks cannot break the
 * document. Variables: every field of the notification ({@code id}, {@code event}, {@code level},
 * {@code resourceName}, {@code message}, {@code value}…) and {@code subject}. Internal: not API.
 */
public final class BodyTemplate {

  /** Mustache with JSON-string escaping instead of HTML's. */
  private static final class JsonMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(JsonStringEncoder.getInstance().quoteAsString(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Mustache mustache;

  /** @throws IllegalArgumentException when the template does not compile, saying why */
  public BodyTemplate(String template) {
    try {
      this.mustache = new JsonMustacheFactory().compile(new StringReader(template), "body");
    } catch (MustacheException e) {
      throw new IllegalArgumentException("the template does not compile: " + e.getMessage(), e);
    }
  }

  public String render(Notification n) {
    Map<String, Object> scope = new LinkedHashMap<>(WebhookPayloads.generic(n));
    scope.put("subject", n.subject());
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }
}
