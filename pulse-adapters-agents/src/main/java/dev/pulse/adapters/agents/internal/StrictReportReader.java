package dev.pulse.adapters.agents.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pulse.domain.agent.InvalidReportException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads an agent report into its schema records strictly: numbers must be numbers and strings
 * strings ({@code "12"} for a byte count is a type error), and any fault names the JSON path at
 * fault. Unknown fields are left to the records to ignore. Thread-safe. Internal: not API.
 */
public final class StrictReportReader {

  private final ObjectMapper json;

  public StrictReportReader() {
    json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // 14.5 restarts is an error, not 14
    json.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
  }

  /** @throws InvalidReportException naming the field at fault */
  public <T> T read(byte[] body, Class<T> type) {
    T report;
    try {
      report = json.readValue(body, type);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new InvalidReportException(field.isEmpty() ? "(body)" : field,
          field.isEmpty() ? "the report must be a JSON object" : "field '" + field + "' has the wrong type");
    } catch (JsonProcessingException e) {
      throw new InvalidReportException("(body)", "the report is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidReportException("(body)", "the report could not be read");
    }
    if (report == null) {
      throw new InvalidReportException("(body)", "the report must be a JSON object");
    }
    return report;
  }
}
