package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.Profile;

/**
 * Creates the content of a tab for a profile and starts connecting (never blocking the JavaFX thread). The one seam
 * between the app and the terminal widget + transport: the app knows profiles and dialogs, the launcher knows how
 * to turn them into a running {@code TerminalView}.
 */
public interface SessionLauncher {

    /**
     * Opens a session for {@code profile}. Called on the JavaFX thread; returns at once.
     *
     * @param defaults app settings for what the profile leaves blank (font, colours, prediction, scrollback)
     * @param prompts  dialogs for passwords, passphrases, keyboard-interactive and host keys (callable from any thread)
     */
    SessionHandle open(Profile profile, AppSettings defaults, LoginPrompts prompts);

    /**
     * Like {@link #open(Profile, AppSettings, LoginPrompts)}, taking up the saved Mosh session {@code sessionId}
     * (from {@link SessionHandle#sessionId()} of a tab of an earlier run) instead of starting one. A launcher that
     * keeps no sessions starts a new one.
     */
    default SessionHandle resume(Profile profile, AppSettings defaults, LoginPrompts prompts, String sessionId) {
        return open(profile, defaults, prompts);
    }

    /**
     * The session janitor for the hosts this launcher reaches (finding and ending their mosh-servers, docs/PROTOCOL.md
     * §8.5); empty for a launcher that keeps no sessions.
     */
    default java.util.Optional<SessionJanitor> janitor() {
        return java.util.Optional.empty();
    }
}
