package dev.pulse.simulators;

/** A fault a simulated endpoint injects into every answer, to test clients. */
public enum Fault {
  NONE,
  HTTP_500,
  /** pveproxy's "596 Connection timed out" for a node it cannot reach in time. */
  HTTP_596,
  /** A 200 whose body is an HTML error page. */
  JUNK_BODY,
  /** The listening socket is closed: clients get "connection refused". */
  REFUSED
}
