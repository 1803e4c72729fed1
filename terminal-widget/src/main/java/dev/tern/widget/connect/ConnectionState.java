package dev.tern.widget.connect;

/** Where a tab's connection stands, as the app shows it. */
public enum ConnectionState {
    CONNECTING, CONNECTED, CONTACT_LOST, CLOSED
}
