package dev.tern.app.ui;

import dev.tern.app.profile.Profile;
import dev.tern.app.session.LoginPrompts;
import dev.tern.app.session.SessionJanitor;
import dev.tern.app.session.SessionJanitor.FoundServer;
import dev.tern.app.session.TransportPrompter;
import dev.tern.transport.session.JournalInfo;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.MoshServerProcesses.EndOutcome;
import dev.tern.transport.ssh.SshException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Sessions on this host…": the user's mosh-servers on a profile's host, found over SSH by the session janitor, each
 * with its pid, when it started and whether this machine can take it up again. A resumable one can be resumed (it
 * opens in a tab) or ended; one no journal here holds can be ended after a question (it may be another computer's);
 * one a tab drives now is only named. The SSH login and every end run off the FX thread.
 */
public final class HostSessionsDialog extends Dialog<Void> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final ButtonType REFRESH = new ButtonType("_Refresh", ButtonBar.ButtonData.LEFT);

    private final Profile profile;
    private final SessionJanitor janitor;
    private final LoginPrompts prompts;
    private final BiConsumer<Profile, String> onResume;
    private final Runnable onChange;
    private final Label status = new Label();
    private final VBox rows = new VBox(6);
    private volatile SessionJanitor.HostSessions host;
    private volatile boolean closed;

    /**
     * @param onResume told the profile and the journal id of a session to take up again in a tab
     * @param onChange told (on the FX thread) when a session was ended or resumed, so marks can be refreshed
     */
    public HostSessionsDialog(Window owner, Profile profile, SessionJanitor janitor, LoginPrompts prompts,
                              BiConsumer<Profile, String> onResume, Runnable onChange) {
        this.profile = profile;
        this.janitor = janitor;
        this.prompts = prompts;
        this.onResume = onResume;
        this.onChange = onChange;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Sessions on " + profile.name());
        setHeaderText("Mosh sessions of " + profile.target() + " that are still running");
        setGraphic(Icons.of(Feather.LAYERS));
        setResizable(true);
        getDialogPane().setId("host-sessions-dialog");
        getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(REFRESH, ButtonType.CLOSE);
        Button refresh = (Button) getDialogPane().lookupButton(REFRESH);
        refresh.setId("host-sessions-refresh");
        // the refresh button must not close the dialog
        refresh.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            event.consume();
            refresh();
        });
        status.setId("host-sessions-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        Label note = new Label("Ending a session ends its shell and everything running in it. Servers end by "
                + "themselves after the profile's \"Abandoned server ends after\" time without a client.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("form-note");
        VBox content = new VBox(10, status, scroll, note);
        content.setPadding(new Insets(10, 16, 6, 16));
        content.setPrefWidth(640);
        getDialogPane().setContent(content);
        setResultConverter(button -> null);
        setOnHidden(event -> {
            closed = true;
            SessionJanitor.HostSessions h = host;
            if (h != null) {
                Thread.ofVirtual().start(h::close);
            }
        });
        survey();
    }

    /** Logs in and lists the servers, off the FX thread; the login may ask through the app's dialogs. */
    private void survey() {
        status.setText("Connecting to " + profile.target() + "…");
        Thread.ofPlatform().daemon().name("host-sessions-" + profile.name()).start(() -> {
            try {
                SessionJanitor.HostSessions found = janitor.survey(profile,
                        new TransportPrompter(profile.id(), prompts), ConnectProgress.silent());
                if (closed) {
                    found.close();
                    return;
                }
                host = found;
                Platform.runLater(() -> show(found.servers()));
            } catch (SshException e) {
                new TransportPrompter(profile.id(), prompts).reportFailure(e);
                Platform.runLater(() -> status.setText("Could not log in to " + profile.target() + ": "
                        + e.getMessage()));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText("Could not list the sessions: " + e.getMessage()));
            }
        });
    }

    private void refresh() {
        SessionJanitor.HostSessions h = host;
        if (h == null) {
            survey();
            return;
        }
        status.setText("Looking again…");
        background(() -> {
            List<FoundServer> servers = h.refresh();
            Platform.runLater(() -> show(servers));
        });
    }

    private void show(List<FoundServer> servers) {
        rows.getChildren().clear();
        SessionJanitor.HostSessions h = host;
        if (h != null) {
            for (JournalInfo ended : h.endedSessions()) {
                rows.getChildren().add(endedRow(h, ended));
            }
        }
        long resumable = servers.stream().filter(s -> s.standing() == SessionJanitor.Standing.RESUMABLE).count();
        status.setText(servers.isEmpty() ? "No mosh-server of yours runs on this host."
                : servers.size() + (servers.size() == 1 ? " mosh-server" : " mosh-servers") + " of yours on this "
                + "host; " + resumable + " can be resumed from this computer.");
        Instant now = Instant.now();
        // what this computer can act on first: a host may run many servers of other computers
        List<FoundServer> ordered = servers.stream().sorted(java.util.Comparator.comparing(FoundServer::standing))
                .toList();
        for (FoundServer server : ordered) {
            rows.getChildren().add(row(server, now));
        }
    }

    private HBox row(FoundServer found, Instant now) {
        long pid = found.server().pid();
        Label what = new Label("pid " + pid + " · started " + WHEN.format(found.server().started()) + " ("
                + ago(found.server().started(), now) + ")\n" + standing(found));
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, what);
        row.setId("host-session-" + pid);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("host-session-row");
        if (found.standing() == SessionJanitor.Standing.RESUMABLE) {
            Button resume = new Button("Resume", Icons.of(Feather.PLAY));
            resume.setId("resume-" + pid);
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(event -> {
                onResume.accept(profile, found.journal().orElseThrow().id());
                onChange.run();
                close();
            });
            row.getChildren().add(resume);
        }
        if (found.standing() != SessionJanitor.Standing.OPEN) {
            Button end = new Button("End", Icons.of(Feather.X_CIRCLE));
            end.setId("end-" + pid);
            end.setMinWidth(Region.USE_PREF_SIZE);
            end.setOnAction(event -> end(found, row));
            row.getChildren().add(end);
        }
        return row;
    }

    /** A saved session whose server no longer runs: only its journal is left, which Forget deletes. */
    private HBox endedRow(SessionJanitor.HostSessions h, JournalInfo ended) {
        String pid = ended.serverPid().isPresent() ? String.valueOf(ended.serverPid().getAsLong()) : "?";
        Label what = new Label("pid " + pid + " · saved session from " + WHEN.format(ended.started())
                + "\nIts mosh-server no longer runs (ended, or the host restarted): it cannot be resumed.");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button forget = new Button("Forget", Icons.of(Feather.TRASH_2));
        forget.setId("forget-" + ended.id());
        forget.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, what, forget);
        row.setId("ended-session-" + ended.id());
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("host-session-row");
        forget.setOnAction(event -> {
            row.setDisable(true);
            background(() -> {
                h.forget(ended.id());
                Platform.runLater(() -> {
                    rows.getChildren().remove(row);
                    onChange.run();
                });
            });
        });
        return row;
    }

    private static String standing(FoundServer found) {
        return switch (found.standing()) {
            case RESUMABLE -> "Detached; this computer can resume it.";
            case OPEN -> found.openIn().getAsLong() == ProcessHandle.current().pid()
                    ? "Open in a tab of this window." : "Open in another Tern (process " + found.openIn().getAsLong()
                    + ").";
            case UNKNOWN -> "Not known to this computer: another computer's session, or one whose saved state was "
                    + "lost.";
        };
    }

    private void end(FoundServer found, HBox row) {
        long pid = found.server().pid();
        if (found.standing() == SessionJanitor.Standing.UNKNOWN && !confirmEndUnknown(pid)) {
            return;
        }
        row.setDisable(true);
        status.setText("Ending mosh-server " + pid + "…");
        SessionJanitor.HostSessions h = host;
        background(() -> {
            EndOutcome outcome = h.end(pid);
            List<FoundServer> servers = h.refresh();
            Platform.runLater(() -> {
                show(servers);
                status.setText("Mosh-server " + pid + ": " + outcome.sentence() + "\n" + status.getText());
                onChange.run();
            });
        });
    }

    private boolean confirmEndUnknown(long pid) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "No journal of this computer holds mosh-server " + pid
                + ": it may be a session another computer is using. Ending it ends its shell and everything running "
                + "in it.", new ButtonType("End it", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setHeaderText("End a session this computer does not know?");
        ask.getDialogPane().setId("end-unknown-session");
        return ask.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private interface Work {
        void run() throws SshException, IOException;
    }

    private void background(Work work) {
        Thread.ofPlatform().daemon().name("host-sessions-" + profile.name()).start(() -> {
            try {
                work.run();
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText("The host did not answer: " + e.getMessage()));
            }
        });
    }

    private static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h ago";
        }
        return seconds / 86_400 + " days ago";
    }
}
