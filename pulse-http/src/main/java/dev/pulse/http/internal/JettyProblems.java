package dev.pulse.http.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI it cannot parse, headers too large, an illegal path character),
 * which never reach Javalin, as {@code application/problem+json} in UTF-8 with the same security
 * headers as every other answer, instead of Jetty's HTML page. Internal: not API.
 */
public final class JettyProblems extends ErrorHandler {

  /** For a message refused while it was being parsed: there is no request yet. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.of(null, false).forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(body(status, reason));
  }

  /** For an error Jetty answers once the request is known. */
  @Override
  protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.of(request.getHeaders().get(HttpHeader.HOST), request.isSecure()).forEach(headers::put);
    headers.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  private static byte[] body(int status, String reason) {
    String title = Problems.title(status);
    String detail = switch (status) {
      case 431 -> "the request's headers are larger than Pulse accepts";
      case 400 -> "the request could not be read" + (reason == null || reason.isBlank() ? "" : ": " + reason);
      default -> reason == null || reason.isBlank() ? title : reason;
    };
    return Problems.bytes(Problems.problem(status, title, detail, null));
  }
}
