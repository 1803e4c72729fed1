package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TernCommandLine;
import dev.tern.transport.predict.DisplayPreference;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshException;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.UdpPortRange;
import dev.tern.widget.ColorScheme;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.connect.LocalShellConnector;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.SessionKeeping;
import dev.tern.widget.connect.SshShellConnector;
import dev.tern.widget.connect.TerminalConnector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The real tabs: a {@code TerminalView} per session, with a local pty, a JSch shell or a Mosh session behind it,
 * logging in through the app's dialogs. Profile fields map onto the transport's {@link SshTarget} and
 * {@link MoshServerOptions}; everything a profile leaves blank is left to {@code ~/.ssh/config} and the defaults.
 */
public final class WidgetSessionLauncher implements SessionLauncher {
    /** The folder of session journals in the config folder (shared with {@code tern --sessions}). */
    public static final String SESSIONS_FOLDER = "sessions";

    private final SshEnvironment environment;
    private final SessionKeeping keeping;

    /** Mosh tabs keep no journal: their sessions end with the app (tests that do not resume). */
    public WidgetSessionLauncher(SshEnvironment environment) {
        this(environment, null);
    }

    /** Mosh tabs keep their sessions' journals in {@code journals}, to be resumed on the next start. */
    public WidgetSessionLauncher(SshEnvironment environment, SessionJournals journals) {
        this.environment = environment;
        this.keeping = journals == null ? SessionKeeping.NONE : SessionKeeping.in(journals);
    }

    @Override
    public java.util.Optional<SessionJanitor> janitor() {
        return keeping.journals() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new SessionJanitor(environment, keeping.journals()));
    }

    public static SessionJournals journalsIn(Path configDir) {
        return SessionJournals.in(configDir.resolve(SESSIONS_FOLDER));
    }

    /** The journals, their key kept in {@code vault} (the OS keychain) when it works as the key is first made. */
    public static SessionJournals journalsIn(Path configDir, dev.tern.transport.session.KeyVault vault) {
        return SessionJournals.in(configDir.resolve(SESSIONS_FOLDER), vault);
    }

    @Override
    public SessionHandle open(Profile profile, AppSettings defaults, LoginPrompts prompts) {
        return resume(profile, defaults, prompts, null);
    }

    @Override
    public SessionHandle resume(Profile profile, AppSettings defaults, LoginPrompts prompts, String sessionId) {
        TransportPrompter prompter = new TransportPrompter(profile.id(), prompts);
        String resumeId = profile.kind() == ConnectionKind.MOSH && keeping.journals() != null ? sessionId : null;
        // a Mosh tab connects at once, shown or not: its server holds a session the user expects to stay live (and
        // its sidebar dot to say so); a local or SSH tab opens a new shell either way, so it waits to be shown
        return new WidgetSession(profile, defaults,
                (current, settings, resume) -> connector(current, settings, prompter, resume),
                WidgetSessionLauncher::terminalSettings, resumeId, profile.kind() != ConnectionKind.MOSH);
    }

    /**
     * A fresh connector for each connection of the tab, the first and every reconnect. The startup command of a
     * local or SSH profile is typed into each new shell, reconnects included: a reconnect opens a new shell (the
     * old one, with whatever the command did in it, is gone), so a command such as {@code tmux attach} or
     * {@code cd /srv/app} is wanted again, as with Mosh tabs (mosh-server runs it whenever it starts) and as
     * MobaXterm and Tabby do on every connect. It is never typed twice into the same shell.
     */
    private TerminalConnector connector(Profile profile, AppSettings defaults, TransportPrompter prompter,
                                        String resumeId) {
        return switch (profile.kind()) {
            case LOCAL -> {
                LocalShellConnector local = new LocalShellConnector();
                local.typeWhenReady(profile.startupCommand());
                yield local;
            }
            case SSH -> {
                // typed into the interactive shell rather than run with exec: the user stays in the shell after it
                SshShellConnector ssh = new SshShellConnector(profile.name(),
                        progress -> login(profile, prompter, progress), Map.of());
                ssh.typeWhenReady(profile.startupCommand());
                yield ssh;
            }
            case MOSH -> new MoshConnector(profile.name(), profile.mosh().historyBoundBytes().isPresent()
                    ? MoshConnector.overSshRecorded(progress -> login(profile, prompter, progress),
                            moshOptions(profile), profile.mosh().historyBoundBytes().getAsLong())
                    : MoshConnector.overSsh(progress -> login(profile, prompter, progress), moshOptions(profile)),
                    SessionOptions.GUI.withPrediction(predictionSettings(profile.mosh(), defaults)),
                    resumeId == null ? keeping : keeping.resuming(resumeId));
        };
    }

    private SshConnection login(Profile profile, TransportPrompter prompter, ConnectProgress progress)
            throws SshException {
        try {
            return SshConnector.connect(sshTarget(profile), environment, prompter, progress);
        } catch (SshException e) {
            prompter.reportFailure(e);
            throw e;
        }
    }

    /** The profile's SSH fields; blanks stay null so ~/.ssh/config and the defaults decide. */
    public static SshTarget sshTarget(Profile profile) {
        SshTarget.Builder target = SshTarget.builder(profile.host()).port(profile.port())
                .user(profile.user().isEmpty() ? null : profile.user());
        if (!profile.jumpHost().isEmpty()) {
            target.jumpHosts(Arrays.stream(profile.jumpHost().split(",")).map(String::strip).toList());
        }
        switch (profile.auth()) {
            // nothing set: the resolver then does what OpenSSH does (agent if SSH_AUTH_SOCK, ~/.ssh/config's or the
            // default key files, then keyboard-interactive and password through the prompter)
            case AUTOMATIC -> {
            }
            case AGENT -> target.useAgent(true);
            case KEY_FILE -> target.identityFile(expandHome(profile.keyFile())).identitiesOnly(true)
                    .preferredAuthentications("publickey,keyboard-interactive,password");
            case PASSWORD -> target.preferredAuthentications("password,keyboard-interactive");
            case KEYBOARD_INTERACTIVE -> target.preferredAuthentications("keyboard-interactive,password");
        }
        return target.build();
    }

    /** The profile's local echo mode (or else the app's default mode) and overwrite, in the session's terms. */
    public static PredictionSettings predictionSettings(MoshOptions mosh, AppSettings defaults) {
        return new PredictionSettings(DisplayPreference.parse(mosh.prediction(defaults).optionValue()),
                mosh.predictOverwrite());
    }

    public static MoshServerOptions moshOptions(Profile profile) {
        MoshOptions mosh = profile.mosh();
        MoshServerOptions options = MoshServerOptions.defaults();
        if (!mosh.serverCommand().isEmpty()) {
            options = options.withServerCommand(mosh.serverCommand());
        }
        if (!mosh.locale().isEmpty()) {
            options = options.withLocale(mosh.locale());
        }
        if (!mosh.udpPorts().isEmpty()) {
            options = options.withServerPorts(UdpPortRange.parse(mosh.udpPorts()).orElseThrow(
                    () -> new IllegalArgumentException("bad UDP port range " + mosh.udpPorts())));
        }
        if (!mosh.udpHostOverride().isEmpty()) {
            options = options.withUdpHost(mosh.udpHostOverride());
        }
        if (mosh.udpPortOverride() != null) {
            options = options.withUdpPort(mosh.udpPortOverride());
        }
        options = options.withNetworkTimeout(mosh.serverTimeout().orElse(null));
        if (!profile.startupCommand().isBlank()) {
            // mosh-server runs this instead of the login shell; the shell follows, as a startup command means
            options = options.withCommand(TernCommandLine.moshStartupCommand(profile.startupCommand()));
        }
        return options;
    }

    static TerminalSettings terminalSettings(Profile profile, AppSettings defaults) {
        String family = profile.terminal().fontFamily().isEmpty() ? defaults.fontFamily()
                : profile.terminal().fontFamily();
        int size = profile.terminal().fontSize() != null ? profile.terminal().fontSize() : defaults.fontSize();
        String schemeName = profile.terminal().colorScheme().isEmpty() ? defaults.colorScheme()
                : profile.terminal().colorScheme();
        ColorScheme scheme = ColorScheme.builtIn().stream().filter(s -> s.name().equalsIgnoreCase(schemeName))
                .findFirst().orElse(ColorScheme.DARK);
        TerminalSettings base = TerminalSettings.defaults();
        return base.withFont(family, size).withScheme(scheme).withCursor(defaults.cursor(), base.cursorBlink())
                .withScrollback(defaults.scrollbackLines());
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(path.length() > 2 ? path.substring(2) : "");
        }
        return Path.of(path);
    }

    /** Profile kinds that reconnect in place (a Mosh tab reconnects by itself while its server lives). */
    static boolean reconnectsInPlace(ConnectionKind kind) {
        return kind == ConnectionKind.SSH;
    }
}
