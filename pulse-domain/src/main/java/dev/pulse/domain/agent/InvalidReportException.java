package dev.pulse.domain.agent;

/** An agent report that cannot be used, naming the field at fault (a JSON path such as {@code metrics.memory.totalBytes}). */
public final class InvalidReportException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidReportException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
