package dev.pulse.domain.connection;

/** A connection that cannot be stored, naming the offending field. */
public final class InvalidConnectionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidConnectionException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, for example {@code tokenId}. */
  public String field() {
    return field;
  }
}
