package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Stand-in until the terminal widget is wired in: a tab that shows what it would connect to and reports itself
 * connected at once. The real launcher replaces it in {@code TernApp}; everything else in the app stays the same.
 */
public final class PreviewSessionLauncher implements SessionLauncher {

    @Override
    public SessionHandle open(Profile profile, AppSettings defaults, LoginPrompts prompts) {
        PreviewSession session = new PreviewSession(profile);
        session.setState(SessionState.CONNECTED);
        return session;
    }

    private static final class PreviewSession extends ObservableSession {
        private final Profile profile;
        private final VBox view;

        PreviewSession(Profile profile) {
            this.profile = profile;
            Label prompt = new Label(profile.kind() == ConnectionKind.LOCAL ? "$ " : profile.target() + " $ ");
            prompt.getStyleClass().add("terminal-preview-prompt");
            Label note = new Label("Terminal preview: the terminal widget is not wired into this build yet.");
            note.getStyleClass().add("terminal-preview-note");
            view = new VBox(6, prompt, note);
            view.setPadding(new Insets(10, 12, 10, 12));
            view.getStyleClass().add("terminal-preview");
            view.setFocusTraversable(true);
        }

        @Override
        public Node view() {
            return view;
        }

        @Override
        public boolean canReconnect() {
            return profile.kind() == ConnectionKind.SSH || state().get() == SessionState.FAILED;
        }

        @Override
        public void reconnect() {
            setState(SessionState.CONNECTED);
        }

        @Override
        public void focus() {
            view.requestFocus();
        }

        @Override
        public void close() {
            setState(SessionState.CLOSED);
        }
    }
}
