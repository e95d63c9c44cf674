package dev.pulse.http.internal;

/**
 * A request that cannot be served, answered as {@code application/problem+json}. Internal: not API.
 *
 * @see Problems
 */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String field;

  public ProblemException(int status, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public static ProblemException badField(String field, String detail) {
    return new ProblemException(400, "Invalid request", detail, field);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The request field at fault, or {@code null}. */
  public String field() {
    return field;
  }
}
