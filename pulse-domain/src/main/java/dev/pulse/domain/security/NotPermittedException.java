package dev.pulse.domain.security;

/**
 * A change the actor is not allowed to make on this target, naming the field that asked for it
 * (or {@code null}). The HTTP edge answers it with a 403 problem.
 */
public class NotPermittedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public NotPermittedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field that asked for the change, or {@code null}. */
  public String field() {
    return field;
  }
}
