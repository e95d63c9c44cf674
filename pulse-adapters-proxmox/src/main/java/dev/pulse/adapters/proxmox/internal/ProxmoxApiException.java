package dev.pulse.adapters.proxmox.internal;

/** A Proxmox API call that failed, with a message fit for an operator. Internal: not API. */
public final class ProxmoxApiException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean endpointFault;

  private ProxmoxApiException(String message, int status, boolean endpointFault, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.endpointFault = endpointFault;
  }

  /** The request was answered, but not as hoped: a 4xx, or a body that is not the API's. */
  public ProxmoxApiException(String message, int status) {
    this(message, status, false, null);
  }

  public ProxmoxApiException(String message) {
    this(message, 0, false, null);
  }

  /** The endpoint itself failed (unreachable, timeout, 5xx): another endpoint may do better. */
  public static ProxmoxApiException endpointFault(String message, int status, Throwable cause) {
    return new ProxmoxApiException(message, status, true, cause);
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Whether the fault lies with the endpoint, so that failing over to another may help. */
  public boolean endpointFault() {
    return endpointFault;
  }
}
