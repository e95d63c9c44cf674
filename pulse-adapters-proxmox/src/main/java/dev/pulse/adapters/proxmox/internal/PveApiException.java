package dev.pulse.adapters.proxmox.internal;

/** A Proxmox API call that failed, with a message fit for an operator. Internal: not API. */
public final class PveApiException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  public PveApiException(String message) {
    super(message);
    this.status = 0;
  }

  public PveApiException(String message, int status) {
    super(message);
    this.status = status;
  }

  public PveApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
