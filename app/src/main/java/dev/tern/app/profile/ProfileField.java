package dev.tern.app.profile;

/** The fields of the profile editor that can carry a validation error. */
public enum ProfileField {
    NAME, GROUP, HOST, PORT, USER, KEY_FILE, JUMP_HOST, SERVER_COMMAND, UDP_PORTS, UDP_HOST_OVERRIDE,
    UDP_PORT_OVERRIDE, LOCALE, SERVER_TIMEOUT, HISTORY_SIZE, FONT_SIZE
}
