package dev.pulse.domain.notify;

/** Delivers notifications to channels of some types: email, webhooks. */
public interface ChannelSender {

  boolean supports(ChannelType type);

  /**
   * Checks a channel's settings before it is saved, such as a template that does not compile.
   *
   * @throws dev.pulse.domain.InvalidFieldException naming the setting at fault
   */
  default void check(Channel channel) {}

  /**
   * Delivers one notification, or throws saying why not.
   *
   * @throws DeliveryFailed when the channel refused it or could not be reached
   */
  void send(Channel channel, Notification notification) throws DeliveryFailed;

  /** A delivery that did not happen; {@code permanent} when retrying cannot help (a 400, bad settings). */
  final class DeliveryFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public DeliveryFailed(String message, boolean permanent) {
      super(message);
      this.permanent = permanent;
    }

    public DeliveryFailed(String message, Throwable cause) {
      super(message, cause);
      this.permanent = false;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
