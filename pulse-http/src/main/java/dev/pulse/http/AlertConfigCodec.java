package dev.pulse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.alert.AlertConfig;
import dev.pulse.domain.alert.AlertRule;
import dev.pulse.http.internal.AlertConfigJson;
import java.util.List;

/**
 * The alert tuning as the JSON that {@code GET/PUT /api/alerts/config} speak, for stores that keep
 * it in a file. Thread-safe.
 */
public final class AlertConfigCodec {

  private final ObjectMapper json = new ObjectMapper();
  private final List<AlertRule> rules;

  /** @param rules the rules the tuning may name */
  public AlertConfigCodec(List<AlertRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public String write(AlertConfig config) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(AlertConfigJson.of(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the alert tuning", e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the field at fault
   */
  public AlertConfig read(String text) {
    try {
      return AlertConfigJson.read(json.readValue(text, AlertConfigJson.Body.class), rules);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not alert tuning JSON: " + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
