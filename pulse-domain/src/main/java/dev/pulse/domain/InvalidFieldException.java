package dev.pulse.domain;

/**
 * Input that cannot be used, naming the field at fault: a request field such as {@code tokenId},
 * or a JSON path such as {@code metrics.memory.totalBytes}. The HTTP edge answers it with a 400
 * problem that carries the field.
 */
public class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault. */
  public String field() {
    return field;
  }
}
