package dev.pulse.domain.agent;

import dev.pulse.domain.InvalidFieldException;

/** An agent report that cannot be used; {@code (body)} names the body as a whole. */
public final class InvalidReportException extends InvalidFieldException {

  private static final long serialVersionUID = 1L;

  public InvalidReportException(String field, String message) {
    super(field, message);
  }
}
