package dev.pulse.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies with a size limit, turning every fault into a problem that names the
 * field: too large → 413, not JSON → 400, unknown or mistyped field → 400 with that field.
 * Internal: not API.
 */
public final class RequestBodies {

  private final ObjectMapper json;
  private final long maxBytes;

  public RequestBodies(ObjectMapper json, long maxBytes) {
    this.json = json.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    this.maxBytes = maxBytes;
  }

  public <T> T read(Context ctx, Class<T> type) {
    byte[] body = bounded(ctx);
    if (body.length == 0) {
      throw ProblemException.badField(null, "the request needs a JSON body");
    }
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw ProblemException.badField(null, "the body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ProblemException.badField(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'");
    } catch (JsonMappingException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw ProblemException.badField(field.isEmpty() ? null : field,
          field.isEmpty() ? "the body must be a JSON object" : "field '" + field + "' has the wrong type");
    } catch (JsonProcessingException e) {
      throw ProblemException.badField(null, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ProblemException.badField(null, "the body could not be read");
    }
  }

  private byte[] bounded(Context ctx) {
    if (ctx.contentLength() > maxBytes) {
      drain(ctx);
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        drain(ctx);
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw ProblemException.badField(null, "the body could not be read");
    }
  }

  /**
   * Reads and drops what is left of a body refused for its size, up to 16 MiB, so that a client
   * still sending gets the 413 rather than a reset connection; beyond that the connection closes.
   */
  static void drain(Context ctx) {
    try {
      InputStream in = ctx.bodyInputStream();
      byte[] sink = new byte[16 * 1024];
      long left = 16L << 20;
      for (int n = in.read(sink); n > 0 && left > 0; n = in.read(sink)) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away; the 413 is answered all the same
    }
  }

  private ProblemException tooLarge() {
    return new ProblemException(413, "Request body too large", "the body must be at most " + maxBytes + " bytes", null);
  }
}
