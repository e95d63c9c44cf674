package dev.pulse.domain.connection;

import dev.pulse.domain.InvalidFieldException;

/** A connection that cannot be stored, naming the offending request field. */
public final class InvalidConnectionException extends InvalidFieldException {

  private static final long serialVersionUID = 1L;

  public InvalidConnectionException(String field, String message) {
    super(field, message);
  }
}
