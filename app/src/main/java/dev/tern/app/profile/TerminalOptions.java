package dev.tern.app.profile;

/**
 * How a profile's terminal looks. Blank or null fields mean "use the app's default" (Settings).
 *
 * @param fontFamily  a monospace font family name
 * @param fontSize    points; null for the default
 * @param colorScheme a colour scheme name known to the terminal widget
 */
public record TerminalOptions(String fontFamily, Integer fontSize, String colorScheme) {

    public static final TerminalOptions DEFAULTS = new TerminalOptions("", null, "");

    public TerminalOptions {
        fontFamily = Texts.orEmpty(fontFamily);
        colorScheme = Texts.orEmpty(colorScheme);
    }
}
