package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever a config file, known_hosts line, hop or server output holds, parsing answers and never throws. */
class BadInputPropertiesTest {
    private static final Path SSH_DIR = Path.of("/nonexistent-tern-home/.ssh");

    @Property(tries = 300)
    void anyConfigTextParsesAndLooksUp(@ForAll @StringLength(max = 400) String text, @ForAll String alias) {
        OpenSshConfig config = OpenSshConfig.parse(text, SSH_DIR);
        HostSettings settings = config.lookup(alias.isEmpty() ? "h" : alias, null, "local");
        assertNotNull(settings.identityFiles());
        assertNotNull(settings.port());
        assertNotNull(settings.strictHostKeyChecking());
    }

    @Property(tries = 300)
    void configLinesMadeOfKnownKeywords(@ForAll("keywordLines") List<String> lines) {
        OpenSshConfig config = OpenSshConfig.parse(String.join("\n", lines), SSH_DIR);
        SshEnvironment environment = SshEnvironment.isolated(Path.of("/nonexistent-tern-home"), "local");
        try {
            ConnectSpec spec = new ConnectSpecResolver(config, environment).resolve(SshTarget.builder("h").build());
            assertNotNull(spec.hostName());
        } catch (SshException expected) {
            assertNotNull(expected.getMessage()); // a clear configuration error is a valid answer
        }
    }

    @Provide
    Arbitrary<List<String>> keywordLines() {
        Arbitrary<String> keyword = Arbitraries.of("Host", "Match", "HostName", "Port",
                "User", "IdentityFile", "IdentitiesOnly", "ProxyJump", "StrictHostKeyChecking",
                "ServerAliveInterval", "UserKnownHostsFile", "Include", "IdentityAgent", "ConnectTimeout");
        Arbitrary<String> value = Arbitraries.of("h", "*", "!h", "yes", "no", "22",
                "-1", "99999", "a,b", "u@h:0", "[::1]:22", "%h", "%z", "~/x", "\"q", "none", "all", "host h",
                "exec x", "", "=", "h,h,h", "bad\u0000path", "config.d/*");
        return Combinators.combine(keyword, value, value).as((k, v1, v2) -> k + " " + v1 + " " + v2)
                .list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void knownHostsLinesNeverThrow(@ForAll @StringLength(max = 200) String line, @ForAll String host) {
        Optional<KnownHostEntry> entry = KnownHostEntry.parse(Path.of("kh"), 1, line);
        entry.ifPresent(e -> e.matchesHost(host));
        entry.ifPresent(KnownHostEntry::fingerprint);
        assertNotNull(entry);
    }

    @Property(tries = 500)
    void hopsAndPortRangesNeverThrow(@ForAll String text) {
        assertNotNull(HopAddress.parse(text));
        assertNotNull(UdpPortRange.parse(text));
    }

    @Property(tries = 300)
    void serverOutputNeverThrows(@ForAll List<@StringLength(max = 80) String> chunks) {
        MoshConnectScanner scanner = new MoshConnectScanner();
        for (int i = 0; i < chunks.size(); i++) {
            scanner.feed(chunks.get(i), i % 2 == 0);
        }
        scanner.finish();
        assertNotNull(scanner.otherLines());
        scanner.connect().ifPresent(connect -> assertNotNull(connect.key()));
    }
}
