package dev.tern.widget.connect;

/**
 * Where a tab's connection stands, as the app shows it. {@code RESUMING}: a Mosh session taken up again from its
 * journal, showing the screen saved when it was last driven, until its server answers.
 */
public enum ConnectionState {
    CONNECTING, RESUMING, CONNECTED, CONTACT_LOST, CLOSED
}
