package dev.tern.app.cli;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.LoadReport;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.app.settings.ConfigDirectory;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.predict.DisplayPreference;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.session.EscapeKeyInput;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.ConnectSpec;
import dev.tern.transport.ssh.CompanionConnection;
import dev.tern.transport.ssh.ConnectSpecResolver;
import dev.tern.transport.ssh.MoshBootstrap;
import dev.tern.transport.ssh.MoshEndpoint;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.OpenSshConfig;
import dev.tern.transport.ssh.OutputRecorder;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshException;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.UdpPortRange;
import java.nio.file.Path;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tern} on the command line: a mosh-compatible terminal client. Options follow mosh's where mosh has
 * them; SSH options follow OpenSSH's names.
 */
@Command(name = "tern", mixinStandardHelpOptions = true, versionProvider = TernCli.Version.class,
        description = {"Tern's terminal client: a Mosh session in this terminal.",
                "With no arguments, tern opens the desktop app."},
        footer = {"", "Escape key: Ctrl-^ then '.' quits, Ctrl-^ Ctrl-Z suspends, Ctrl-^ ^ sends a literal Ctrl-^.",
                "Examples:", "  tern alice@example.org", "  tern --predict=always -p 60010 lab -- tmux attach",
                "  MOSH_KEY=... tern --attach 192.0.2.7 60001"})
public final class TernCli implements Callable<Integer> {

    enum Predict { adaptive, always, never, experimental }

    enum Family { inet, inet6, auto, all, prefer_inet, prefer_inet6 }

    Predict predict = Predict.adaptive;
    private boolean predictGiven;

    @Option(names = "--predict", paramLabel = "MODE", description = "local echo: adaptive (default), always, never, experimental")
    void setPredict(Predict value) {
        predict = value;
        predictGiven = true;
    }

    @Option(names = {"-a"}, description = "same as --predict=always")
    boolean predictAlways;

    @Option(names = {"-n"}, description = "same as --predict=never")
    boolean predictNever;

    @Option(names = "--predict-overwrite", description = "predicted characters overwrite instead of insert")
    boolean predictOverwrite;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT[:PORT2]", description = "server-side UDP port or range")
    String port;

    @Option(names = "--no-init", description = "stay on this terminal's normal screen (no alternate screen): the "
            + "session's history goes into this terminal's scrollback, complete (see --history-size)")
    boolean noInit;

    @Option(names = "--history-size", paramLabel = "MB", description = "with --no-init: how much of the session's "
            + "output the server keeps until it is fetched, so that no line is missed (default: 10; 0: only the lines "
            + "seen on screen, with a marker where lines went by unseen)")
    Integer historyMegabytes;

    @Option(names = "--server", paramLabel = "COMMAND", description = "command that runs mosh-server on the remote host (default: mosh-server)")
    String server = "mosh-server";

    @Option(names = "-4", description = "use IPv4 only")
    boolean ipv4;

    @Option(names = "-6", description = "use IPv6 only")
    boolean ipv6;

    @Option(names = "--family", paramLabel = "FAMILY", description = "inet, inet6, auto, all, prefer-inet, prefer-inet6",
            converter = FamilyConverter.class)
    Family family = Family.prefer_inet;

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "SSH port (default: from ssh config, else 22)")
    Integer sshPort;

    @Option(names = "-i", paramLabel = "IDENTITY", description = "private key file for SSH")
    List<String> identities = new ArrayList<>();

    @Option(names = "-J", paramLabel = "JUMP", description = "jump host(s), like ssh -J user@host[:port][,...]")
    String jump;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known hosts file (default: ~/.ssh/known_hosts)")
    String knownHosts;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "OpenSSH client config (default: ~/.ssh/config)")
    String sshConfig;

    @Option(names = "--profile", paramLabel = "NAME", description = "use a saved profile of the desktop app")
    String profile;

    @Option(names = "--attach", arity = "2", paramLabel = "HOST PORT",
            description = "attach to a running mosh-server; the key is read from MOSH_KEY")
    List<String> attach;

    @Option(names = "--sessions", description = "list the saved sessions that --resume can take up again; with a "
            + "host (or --profile), your mosh-servers running there and which of them can be resumed from here")
    boolean listSessions;

    @Option(names = "--resume", arity = "0..1", paramLabel = "ID", fallbackValue = SessionsCommand.NEWEST,
            description = "resume a saved session after a crash or a detach (Ctrl-^ d); the newest when no ID")
    String resume;

    @Parameters(index = "0", arity = "0..1", paramLabel = "[user@]host", description = "host to connect to")
    String destination;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "command", description = "remote command (after --)")
    List<String> command = new ArrayList<>();

    private Optional<String> moshKey = Optional.empty();
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** Runs the CLI and returns its exit code (never calls System.exit). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        TernCli cli = new TernCli();
        // before anything reads the environment (see MoshKeyVariable), whichever mode the arguments ask for
        cli.moshKey = MoshKeyVariable.take();
        cli.out = out;
        cli.err = err;
        CommandLine commandLine = new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            err.println("tern: " + RemoteText.printable(error.getMessage() != null ? error.getMessage()
                    : error.toString()));
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        try {
            return dispatch();
        } catch (IllegalArgumentException e) {
            err.println("tern: " + RemoteText.printable(e.getMessage()));
            return 2;
        }
    }

    private int dispatch() throws IOException {
        if (historyMegabytes != null && historyMegabytes < 0) {
            err.println("tern: bad --history-size " + historyMegabytes + ": expected megabytes (0 keeps no history "
                    + "on the server).");
            return 2;
        }
        if (listSessions) {
            return destination != null || profile != null ? listSessionsOnHost() : sessions().list(out, err);
        }
        if (resume != null) {
            return resumeSession();
        }
        if (attach != null) {
            return attach(attach.get(0), attach.get(1));
        }
        if (destination == null && profile == null) {
            if (!command.isEmpty()) {
                err.println("tern: no host given before the command.");
            }
            err.println("tern: no host given. Usage: tern [options] [user@]host [-- command]; tern --help for more.");
            return 2;
        }
        if (profile != null) {
            return connectWithProfile();
        }
        return connectThroughSsh(sshTarget(), serverOptions());
    }

    /** {@code tern --sessions [user@]host} (or {@code --profile NAME}): the mosh-servers of the user there. */
    private int listSessionsOnHost() throws IOException {
        SshTarget target;
        Profile owner = null;
        if (profile != null) {
            ProfileStore store = new ProfileStore(ConfigDirectory.resolve());
            owner = store.load().document().profiles().stream()
                    .filter(p -> p.name().equalsIgnoreCase(profile.strip())).findFirst().orElse(null);
            if (owner == null) {
                err.println("tern: no profile named '" + profile + "' in " + store.file() + ".");
                return 2;
            }
            target = WidgetSessionLauncher.sshTarget(owner);
        } else {
            target = sshTarget();
        }
        try {
            ConnectSpec spec = new ConnectSpecResolver(sshConfig(), sshEnvironment()).resolve(target);
            String label = spec.user() + "@" + spec.hostName();
            if (owner == null) {
                // the CLI labels its journals user@host: a stand-in profile of that name finds them
                owner = Profile.remote(label, "", ConnectionKind.MOSH, spec.user(), spec.hostName(), spec.port());
            }
            ConsolePrompter prompter = new ConsolePrompter(err);
            try (SshConnection connection = SshConnector.connect(spec, prompter, ConnectProgress.silent());
                 var host = dev.tern.app.session.SessionJanitor.over(connection, owner,
                         sessions().journals())) {
                SessionsCommand.listOnHost(label, host.servers(), out);
            }
            return 0;
        } catch (SshException e) {
            err.println("tern: " + RemoteText.printable(e.getMessage()));
            return 255;
        }
    }

    /** A saved Mosh profile of the desktop app; options given on the command line still win for local echo. */
    private int connectWithProfile() throws IOException {
        ProfileStore store = new ProfileStore(ConfigDirectory.resolve());
        LoadReport report = store.load();
        // a notice may quote the file, which can come from elsewhere (an import)
        report.notices().forEach(notice -> err.println("tern: " + RemoteText.printable(notice)));
        List<Profile> matches = report.document().profiles().stream()
                .filter(p -> p.name().equalsIgnoreCase(profile.strip())).toList();
        if (matches.isEmpty()) {
            err.println("tern: no profile named '" + profile + "' in " + store.file() + ".");
            return 2;
        }
        Profile chosen = matches.getFirst();
        if (chosen.kind() != ConnectionKind.MOSH) {
            err.println("tern: profile '" + RemoteText.printable(chosen.name()) + "' is a "
                    + chosen.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " profile; the terminal client connects Mosh profiles. Open it in the desktop app.");
            return 2;
        }
        if (!predictGiven && !predictAlways && !predictNever) {
            profileSettings = WidgetSessionLauncher.predictionSettings(chosen.mosh(), report.document().settings());
        }
        profileHistoryBound = chosen.mosh().historyBoundBytes();
        return connectThroughSsh(WidgetSessionLauncher.sshTarget(chosen), WidgetSessionLauncher.moshOptions(chosen));
    }

    /**
     * Logs in with SSH, starts mosh-server there, and runs the session against the endpoint it printed. With
     * {@code --no-init} and history kept, the program runs under the host's recorder and the login stays open as
     * the session's companion connection, which fetches the recording (docs/ARCHITECTURE.md §13).
     */
    private int connectThroughSsh(SshTarget target, MoshServerOptions options) throws IOException {
        CompletableFuture<LocalTerminal> terminal = LocalTerminal.buildInBackground(MoshSession::preloadCipher);
        MoshEndpoint endpoint;
        String label;
        RecordingFeed recording = null;
        try {
            ConnectSpec spec = new ConnectSpecResolver(sshConfig(), sshEnvironment()).resolve(target);
            label = spec.user() + "@" + spec.hostName();
            ConsolePrompter console = new ConsolePrompter(err, () -> terminal.exceptionally(failed -> null).join());
            java.util.OptionalLong bound = historyBound();
            if (bound.isEmpty()) {
                try (SshConnection connection = SshConnector.connect(spec, console, ConnectProgress.silent())) {
                    endpoint = MoshBootstrap.start(connection, options, ConnectProgress.silent());
                }
            } else {
                OutputRecorder recorder = OutputRecorder.fresh(bound.getAsLong());
                ReplayingPrompter prompter = new ReplayingPrompter(console);
                SshConnection connection = SshConnector.connect(spec, prompter, ConnectProgress.silent());
                try {
                    endpoint = MoshBootstrap.start(connection, options.withCommand(recorder.wrap(options.command())),
                            ConnectProgress.silent());
                } catch (SshException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                prompter.stopAsking();
                recording = new RecordingFeed(new CompanionConnection(
                        () -> SshConnector.connect(spec, prompter, ConnectProgress.silent()), connection), recorder);
            }
        } catch (SshException e) {
            LocalTerminal.discard(terminal);
            // it may quote the server: a disconnect message, what a failed mosh-server printed
            err.println("tern: " + RemoteText.printable(e.getMessage()));
            return 255; // what ssh itself exits with when the connection fails
        } catch (IOException | RuntimeException e) {
            LocalTerminal.discard(terminal);
            throw e;
        }
        try {
            return runClient(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), LocalTerminal.await(terminal),
                    label, endpoint.serverPid(), recording);
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
    }

    /** {@code --no-init} keeps complete history unless {@code --history-size 0} (or the profile) turns it off. */
    private java.util.OptionalLong historyBound() {
        if (!normalScreen()) {
            return java.util.OptionalLong.empty();
        }
        if (historyMegabytes != null) {
            // the profile's rule, so that the option and the profile editor mean the same sizes
            return dev.tern.app.profile.MoshOptions.DEFAULTS.withHistoryMegabytes(historyMegabytes)
                    .historyBoundBytes();
        }
        return profileHistoryBound != null ? profileHistoryBound
                : dev.tern.app.profile.MoshOptions.DEFAULTS.historyBoundBytes();
    }

    /** {@code --no-init}, or mosh's variable for it (which mosh's own wrapper sets for that option). */
    private boolean normalScreen() {
        return noInit || System.getenv("MOSH_NO_TERM_INIT") != null;
    }

    /** Where the history of a session without a recording comes from, in the marker's words. */
    private String unrecordedBecause() {
        if (attach != null) {
            return "attached without SSH, so nothing records them";
        }
        if (resume != null) {
            return "a resumed session's recording is not fetched by the command line";
        }
        return "complete history is off";
    }

    private SshTarget sshTarget() {
        int at = destination.lastIndexOf('@');
        String user = at > 0 ? destination.substring(0, at) : null;
        String host = at >= 0 ? destination.substring(at + 1) : destination;
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host name in '" + destination + "'.");
        }
        SshTarget.Builder builder = SshTarget.builder(host).user(user).port(sshPort);
        if (!identities.isEmpty()) {
            builder.identityFiles(identities.stream().map(Path::of).toList());
        }
        if (jump != null && !jump.isBlank()) {
            builder.jumpHosts(List.of(jump.split(",")));
        }
        if (knownHosts != null) {
            builder.knownHostsFile(Path.of(knownHosts));
        }
        return builder.build();
    }

    private MoshServerOptions serverOptions() {
        MoshServerOptions options = MoshServerOptions.defaults().withServerCommand(server);
        if (port != null) {
            options = options.withServerPorts(UdpPortRange.parse(port).orElseThrow(() ->
                    new IllegalArgumentException("bad port '" + port + "': expected PORT or PORT:PORT2.")));
        }
        if (!command.isEmpty()) {
            options = options.withCommand(command);
        }
        return options;
    }

    /** $HOME when it is set (as OpenSSH does), else the account's home folder. */
    private static SshEnvironment sshEnvironment() {
        SshEnvironment system = SshEnvironment.system();
        String home = System.getenv("HOME");
        return home == null || home.isBlank() ? system : new SshEnvironment(Path.of(home), system.localUser(),
                system.agentSocket(), system.globalKnownHosts(), system.windows());
    }

    /** --ssh-config alone (as ssh -F), else the user's file and then the system's, as ssh reads them. */
    private OpenSshConfig sshConfig() {
        SshEnvironment environment = sshEnvironment();
        if (sshConfig == null) {
            return environment.readConfig();
        }
        Path file = Path.of(sshConfig);
        return java.nio.file.Files.exists(file) ? OpenSshConfig.parse(file, environment.sshDir())
                : OpenSshConfig.empty();
    }

    private int attach(String host, String portText) throws IOException {
        int udpPort;
        try {
            udpPort = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            err.println("tern: bad port '" + portText + "': expected a number between 1 and 65535.");
            return 2;
        }
        if (udpPort < 1 || udpPort > 65535) {
            err.println("tern: bad port " + udpPort + ": expected a number between 1 and 65535.");
            return 2;
        }
        String printableKey = moshKey.orElse(null);
        if (printableKey == null) {
            err.println("tern: MOSH_KEY environment variable not found.");
            err.println("  Set it to the 22-character key from the server's \"MOSH CONNECT <port> <key>\" line.");
            return 2;
        }
        SessionKey key;
        try {
            key = SessionKey.parse(printableKey);
        } catch (IllegalArgumentException e) {
            err.println("tern: MOSH_KEY is not a valid key: " + e.getMessage());
            return 2;
        }
        InetAddress address;
        try {
            address = resolve(host);
        } catch (UnknownHostException e) {
            err.println("tern: cannot resolve host '" + host + "'.");
            return 2;
        }
        return runClient(new InetSocketAddress(address, udpPort), key, new LocalTerminal(), host + ":" + udpPort,
                java.util.OptionalLong.empty(), null);
    }

    private InetAddress resolve(String host) throws UnknownHostException {
        boolean wantV6 = ipv6 || family == Family.inet6 || family == Family.prefer_inet6;
        boolean onlyOne = ipv4 || ipv6 || family == Family.inet || family == Family.inet6;
        InetAddress fallback = null;
        for (InetAddress candidate : InetAddress.getAllByName(host)) {
            boolean isV6 = candidate instanceof java.net.Inet6Address;
            if (isV6 == wantV6) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        if (onlyOne || fallback == null) {
            throw new UnknownHostException(host);
        }
        return fallback;
    }

    /** A new session, with a journal so that it can be resumed if this process dies or detaches. */
    private int runClient(InetSocketAddress target, SessionKey key, LocalTerminal terminal, String label,
                          java.util.OptionalLong serverPid, RecordingFeed recording) throws IOException {
        if (!terminal.isInteractive()) {
            terminal.dispose();
            err.println("tern: standard input is not a terminal; run tern in an interactive terminal.");
            return 2;
        }
        SessionJournal journal = sessions().create(label, target, serverPid);
        TerminalClient.Starter starter = journal == null
                ? (w, h, o, l) -> MoshSession.start(target, key, w, h, o, l)
                : (w, h, o, l) -> MoshSession.start(target, key, w, h, o, l, journal);
        return runClient(target, starter, journal, terminal, recording);
    }

    /** {@code --resume [ID]}: the saved session, from a new socket. */
    private int resumeSession() throws IOException {
        SessionJournal journal = sessions().open(resume);
        if (journal == null) {
            return 1;
        }
        LocalTerminal terminal = new LocalTerminal();
        if (!terminal.isInteractive()) {
            journal.close();
            terminal.dispose();
            err.println("tern: standard input is not a terminal; run tern in an interactive terminal.");
            return 2;
        }
        InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral(journal.info().serverHost()),
                journal.info().serverPort());
        return runClient(server, (w, h, o, l) -> MoshSession.resume(journal, w, h, o, l), journal, terminal, null);
    }

    private SessionsCommand sessions() {
        // the same keychain as the desktop app, so that both take up each other's sessions
        return new SessionsCommand(SessionJournals.in(ConfigDirectory.resolve().resolve("sessions"),
                new dev.tern.app.secret.KeychainKeyVault(dev.tern.app.secret.KeyringSecretStore.openInBackground())),
                err);
    }

    private int runClient(InetSocketAddress target, TerminalClient.Starter starter, SessionJournal journal,
                          LocalTerminal terminal, RecordingFeed recording) throws IOException {
        try {
            if (!terminal.isInteractive()) {
                err.println("tern: standard input is not a terminal; run tern in an interactive terminal.");
                return 2;
            }
            EscapeKeyInput escapeKey = EscapeKeyInput.fromEnvironment(System.getenv("MOSH_ESCAPE_KEY"));
            if (journal != null) {
                escapeKey.withDetach();
            }
            SessionOptions options = SessionOptions.CLI.withPrediction(predictionSettings());
            if (System.getenv("MOSH_TITLE_NOPREFIX") != null) {
                options = options.withTitlePrefix("");
            }
            ScrollbackHistory history = !normalScreen() ? null : recording != null
                    ? ScrollbackHistory.recorded(terminal.size().getColumns(), terminal.size().getRows(),
                    System::nanoTime)
                    : ScrollbackHistory.fromFrames(unrecordedBecause());
            return new TerminalClient(terminal, escapeKey, options, history, recording)
                    .run(target, starter, journal, err, out);
        } finally {
            terminal.dispose();
            if (journal != null) {
                journal.close(); // the session let go of it already unless it never began; then it stays resumable
            }
        }
    }

    Predict effectivePredict() {
        if (predictAlways) {
            return Predict.always;
        }
        if (predictNever) {
            return Predict.never;
        }
        // like mosh-client, which the mosh wrapper configures through the environment
        String fromEnvironment = System.getenv("MOSH_PREDICTION_DISPLAY");
        if (!predictGiven && fromEnvironment != null) {
            try {
                return Predict.valueOf(fromEnvironment.trim().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // mosh-client falls back to the default too
            }
        }
        return predict;
    }

    private PredictionSettings profileSettings;
    private java.util.OptionalLong profileHistoryBound;

    private PredictionSettings predictionSettings() {
        if (profileSettings != null) {
            return profileSettings;
        }
        boolean overwrite = predictOverwrite || "yes".equalsIgnoreCase(System.getenv("MOSH_PREDICTION_OVERWRITE"));
        return new PredictionSettings(DisplayPreference.parse(effectivePredict().name()), overwrite);
    }

    /** Accepts mosh's spellings with a dash (prefer-inet) as well. */
    static final class FamilyConverter implements CommandLine.ITypeConverter<Family> {
        @Override
        public Family convert(String value) {
            return Family.valueOf(value.toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TernCli.class.getPackage().getImplementationVersion();
            return new String[] {"tern " + (version != null ? version : "(development build)")};
        }
    }
}
