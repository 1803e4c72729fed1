package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.transport.ssh.ConnectSpec;
import dev.tern.transport.ssh.ConnectSpecResolver;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.StrictHostKeyChecking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigImportTest {
    private static final String CONFIG = """
            # personal hosts
            Host *
                ServerAliveInterval 30
                User default-user-ignored-for-wildcards

            Host build build-alias
                HostName build.example.org
                User alice
                Port 2222
                IdentityFile ~/.ssh/id_build
                IdentityFile ~/.ssh/second_key_ignored
                ProxyJump bob@bastion.example.org:22

            Host web-?? !web-00 *.internal
                User nobody

            Host=plain
              Port = 2200
              User="carol smith"

            Match host db
                User matched-user-ignored

            Host db
                HostName 10.0.0.5 # trailing comment
                Port not-a-number
                ProxyJump none

            Include ~/.ssh/config.d/*
            """;

    @Test
    void importsEachConcreteAliasAndSkipsPatterns() {
        SshConfigImport.Result result = SshConfigImport.parse(CONFIG, ConnectionKind.SSH);
        List<String> names = result.profiles().stream().map(Profile::name).toList();
        assertEquals(List.of("build", "build-alias", "plain", "db"), names);
    }

    @Test
    void eachProfileConnectsByItsAliasAndCopiesNothing() {
        List<Profile> profiles = SshConfigImport.parse(CONFIG, ConnectionKind.MOSH).profiles();
        Profile build = profiles.getFirst();
        assertEquals("build", build.host());
        assertEquals("", build.user());
        assertEquals(null, build.port());
        assertEquals(AuthMethod.AUTOMATIC, build.auth());
        assertEquals("", build.keyFile());
        assertEquals("", build.jumpHost());
        assertEquals(ConnectionKind.MOSH, build.kind());
        assertEquals(SshConfigImport.GROUP, build.group());
        assertEquals("build-alias", profiles.get(1).host());
        assertEquals("db", profiles.get(3).host());
    }

    /** What the SSH layer makes of an imported profile: the whole Host block applies, not only its HostName. */
    @Test
    void theHostBlockAppliesWhenAnImportedProfileConnects(@TempDir Path home) throws Exception {
        String config = """
                Host office
                    HostName office.example.org
                    User alice
                    Port 2222
                    HostKeyAlias office-pinned
                    StrictHostKeyChecking yes
                    UserKnownHostsFile ~/.ssh/office_known_hosts
                    IdentitiesOnly yes
                    IdentityFile ~/.ssh/id_office
                    ProxyJump bob@bastion.example.org
                """;
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), config);
        Files.writeString(home.resolve(".ssh/id_office"), "not read while resolving");
        Profile office = SshConfigImport.parse(config, ConnectionKind.SSH).profiles().getFirst();

        ConnectSpec spec = ConnectSpecResolver.forEnvironment(SshEnvironment.isolated(home, "local"))
                .resolve(WidgetSessionLauncher.sshTarget(office));
        assertEquals("office.example.org", spec.hostName());
        assertEquals("alice", spec.user());
        assertEquals(2222, spec.port());
        assertEquals(Optional.of("office-pinned"), spec.hostKeyAlias());
        assertEquals(StrictHostKeyChecking.YES, spec.strictHostKeyChecking());
        assertEquals(List.of(home.resolve(".ssh/office_known_hosts")), spec.knownHostsFiles());
        assertTrue(spec.identitiesOnly());
        assertEquals(List.of(home.resolve(".ssh/id_office")), spec.identityFiles());
        assertEquals("bastion.example.org", spec.jumps().getFirst().hostName());
    }

    @Test
    void anAliasThatIsNoHostNameKeepsItsHostNameAndSaysWhy() {
        SshConfigImport.Result result = SshConfigImport.parse("""
                Host my+box
                    HostName box.example.org
                """, ConnectionKind.SSH);
        assertEquals("box.example.org", result.profiles().getFirst().host());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("my+box") && n.contains("do not apply")),
                result.notes().toString());
    }

    @Test
    void tellsWhatItCouldNotUse() {
        List<String> notes = SshConfigImport.parse(CONFIG, ConnectionKind.SSH).notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("Include ~/.ssh/config.d/*")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("db: Port not-a-number")), notes.toString());
        assertEquals(4, SshConfigImport.parse(CONFIG, ConnectionKind.SSH).profiles().size());
    }

    @Test
    void anEmptyOrCommentOnlyConfigImportsNothing() {
        assertEquals(List.of(), SshConfigImport.parse("", ConnectionKind.SSH).profiles());
        assertEquals(List.of(), SshConfigImport.parse("# nothing\n\n   \n", ConnectionKind.SSH).profiles());
    }
}
