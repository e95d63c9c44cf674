package dev.pulse.adapters.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pulse.adapters.agents.internal.HostReportJson;
import dev.pulse.adapters.agents.internal.HostReportMapper;
import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.AgentReportDecoder;
import dev.pulse.domain.agent.InvalidReportException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Decodes the host report of Pulse's unified agent (the schema Pulse's Go server accepts), so that
 * existing agent fleets can report here unchanged. Wrong types are refused naming the field;
 * unknown fields are ignored. Thread-safe.
 */
public final class HostReportDecoder implements AgentReportDecoder {

  private final ObjectMapper json;

  public HostReportDecoder() {
    json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // numbers must be numbers and strings strings: "12" for a byte count is a type error here
    json.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
  }

  @Override
  public String kind() {
    return "host";
  }

  @Override
  public String platform() {
    return HostReportMapper.PLATFORM;
  }

  @Override
  public AgentReport decode(byte[] body) {
    HostReportJson report;
    try {
      report = json.readValue(body, HostReportJson.class);
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
    return HostReportMapper.map(report);
  }
}
