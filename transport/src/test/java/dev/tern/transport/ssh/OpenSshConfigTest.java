package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshConfigTest {
    @TempDir
    Path home;

    private SshEnvironment environment() {
        return SshEnvironment.isolated(home, "alice");
    }

    private ConnectSpecResolver resolverFor(String config) throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), config);
        return ConnectSpecResolver.forEnvironment(environment());
    }

    @Test
    void hostPatternsAndFirstValueWins() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                # comment
                Host web*.example.org !web9.example.org
                    HostName %h.internal
                    User deploy
                    Port 2200
                Host *.example.org
                    User fallback
                    Port 22
                    StrictHostKeyChecking accept-new
                Host *
                    ServerAliveInterval 20
                    ServerAliveCountMax 5
                """);
        ConnectSpec web1 = resolver.resolve(SshTarget.builder("web1.example.org").build());
        assertEquals("web1.example.org.internal", web1.hostName());
        assertEquals("deploy", web1.user());
        assertEquals(2200, web1.port());
        assertEquals(StrictHostKeyChecking.ACCEPT_NEW, web1.strictHostKeyChecking());
        assertEquals(Duration.ofSeconds(20), web1.serverAliveInterval());
        assertEquals(5, web1.serverAliveCountMax());

        ConnectSpec web9 = resolver.resolve(SshTarget.builder("web9.example.org").build());
        assertEquals("web9.example.org", web9.hostName(), "the negated pattern keeps the first block away");
        assertEquals("fallback", web9.user());
        assertEquals(22, web9.port());

        ConnectSpec other = resolver.resolve(SshTarget.builder("elsewhere").build());
        assertEquals("alice", other.user(), "the local user is the default");
        assertEquals(StrictHostKeyChecking.ASK, other.strictHostKeyChecking());
    }

    @Test
    void profileFieldsWinOverTheConfig() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host box
                  HostName 10.1.2.3
                  User configuser
                  Port 2022
                  ServerAliveInterval 99
                  StrictHostKeyChecking no
                  IdentitiesOnly yes
                """);
        ConnectSpec spec = resolver.resolve(SshTarget.builder("box").user("me").port(22).serverAliveIntervalSeconds(7)
                .strictHostKeyChecking(StrictHostKeyChecking.YES).identitiesOnly(false).build());
        assertEquals("10.1.2.3", spec.hostName(), "HostName still comes from the config");
        assertEquals("me", spec.user());
        assertEquals(22, spec.port());
        assertEquals(Duration.ofSeconds(7), spec.serverAliveInterval());
        assertEquals(StrictHostKeyChecking.YES, spec.strictHostKeyChecking());
        assertFalse(spec.identitiesOnly());
    }

    @Test
    void identityFilesAccumulateWithTokensAndTilde() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_box"), "key");
        Files.writeString(ssh.resolve("box-deploy-2022"), "key");
        Files.writeString(ssh.resolve("id_ed25519"), "default key, not used when files are named");
        ConnectSpecResolver resolver = resolverFor("""
                Host box
                  HostName box.example.org
                  User deploy
                  Port 2022
                  IdentityFile ~/.ssh/id_box
                  IdentitiesOnly=yes
                Host *
                  IdentityFile "%d/.ssh/%n-%r-%p"
                  IdentityFile ~/.ssh/missing_key
                """);
        ConnectSpec spec = resolver.resolve(SshTarget.builder("box").build());
        assertEquals(List.of(ssh.resolve("id_box"), ssh.resolve("box-deploy-2022")), spec.identityFiles());
        assertTrue(spec.identitiesOnly());
        assertTrue(spec.warnings().stream().anyMatch(w -> w.contains("missing_key")), spec.warnings().toString());
    }

    @Test
    void defaultIdentityFilesAreTheExistingOnes() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_ed25519"), "key");
        Files.writeString(ssh.resolve("id_rsa"), "key");
        ConnectSpec spec = ConnectSpecResolver.forEnvironment(environment()).resolve(SshTarget.builder("h").build());
        assertEquals(List.of(ssh.resolve("id_rsa"), ssh.resolve("id_ed25519")), spec.identityFiles());
        assertEquals(List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2")), spec.knownHostsFiles());
        assertEquals(Duration.ofSeconds(ConnectSpecResolver.DEFAULT_SERVER_ALIVE_SECONDS), spec.serverAliveInterval());
    }

    @Test
    void proxyJumpChainsAreResolvedThroughTheConfig() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host inner
                  HostName 10.0.0.5
                  ProxyJump bastion,ops@[2001:db8::7]:2201
                Host bastion
                  HostName bastion.example.org
                  User jumper
                  Port 2222
                  ProxyJump gateway
                Host gateway
                  HostName gw.example.org
                """);
        ConnectSpec spec = resolver.resolve(SshTarget.builder("inner").user("me").build());
        assertEquals(List.of("alice@gw.example.org", "jumper@bastion.example.org:2222", "ops@[2001:db8::7]:2201"),
                spec.jumps().stream().map(ConnectSpec::displayName).toList(),
                "the first hop's own ProxyJump comes first");
        assertTrue(spec.jumps().stream().allMatch(hop -> hop.jumps().isEmpty()));

        ConnectSpec direct = resolver.resolve(SshTarget.builder("inner").jumpHosts(List.of()).build());
        assertTrue(direct.jumps().isEmpty(), "an empty profile list overrides the config's ProxyJump");
    }

    @Test
    void proxyJumpLoopsAndBadHopsAreConfigErrors() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host a
                  ProxyJump b
                Host b
                  ProxyJump a
                Host bad
                  ProxyJump user@:22
                """);
        SshException loop = assertThrows(SshException.class, () -> resolver.resolve(SshTarget.builder("a").build()));
        assertEquals(SshFailure.CONFIG_ERROR, loop.failure());
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        SshException bad = assertThrows(SshException.class, () -> resolver.resolve(SshTarget.builder("bad").build()));
        assertEquals(SshFailure.CONFIG_ERROR, bad.failure());
    }

    @Test
    void aProxyJumpGivenFirstOutranksALaterProxyCommand() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host plain
                  ProxyJump none
                  ProxyCommand nc %h %p
                Host jumped
                  ProxyJump bastion
                  ProxyCommand nc %h %p
                Host plain jumped
                  ProxyJump somewhere
                """);
        assertTrue(resolver.resolve(SshTarget.builder("plain").build()).jumps().isEmpty());
        assertEquals("bastion", resolver.resolve(SshTarget.builder("jumped").build()).jumps().getFirst().alias());
    }

    @Test
    void aProxyCommandIsRefusedNotBypassed() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host tunnel
                  ProxyCommand nc -X connect -x proxy:3128 %h %p
                  ProxyJump later-so-ignored
                """);
        SshException e = assertThrows(SshException.class, () -> resolver.resolve(SshTarget.builder("tunnel")
                .build()));
        assertEquals(SshFailure.CONFIG_ERROR, e.failure());
        assertTrue(e.getMessage().contains("ProxyCommand") && e.getMessage().contains("line 2")
                && e.getMessage().contains("will not connect directly"), e.getMessage());
        // a profile that names its own jump host replaces the config's proxy settings
        assertEquals(1, resolver.resolve(SshTarget.builder("tunnel").jumpHosts(List.of("bastion")).build())
                .jumps().size());
    }

    @Test
    void settingsThatChangeWhereOrHowSafelyAreRefused() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host canon
                  CanonicalizeHostname yes
                Host bound
                  BindAddress 10.0.0.5
                Host revoked
                  RevokedHostKeys ~/.ssh/revoked
                Host khcommand
                  KnownHostsCommand /usr/local/bin/keys %H
                Match exec "on-vpn" originalhost office
                  ProxyJump gateway
                Match exec "on-vpn"
                  SetEnv ON_VPN=1
                Host office fine
                  HostName office.example.org
                """);
        for (String alias : List.of("canon", "bound", "revoked", "khcommand", "office")) {
            SshException e = assertThrows(SshException.class, () -> resolver.resolve(SshTarget.builder(alias)
                    .build()), alias);
            assertEquals(SshFailure.CONFIG_ERROR, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains(alias) && e.getMessage().contains(" line "), e.getMessage());
        }
        // an unevaluable block that only sets the environment leaves the connection as it is
        assertEquals("office.example.org", resolver.resolve(SshTarget.builder("fine").build()).hostName());
    }

    @Test
    void methodsTheConfigSwitchesOffAreNeverTried() throws Exception {
        ConnectSpecResolver resolver = resolverFor("""
                Host keysonly
                  PasswordAuthentication no
                  KbdInteractiveAuthentication no
                Host nothing
                  PasswordAuthentication no
                  KbdInteractiveAuthentication no
                  PubkeyAuthentication no
                """);
        assertEquals("publickey", resolver.resolve(SshTarget.builder("keysonly").build())
                .preferredAuthentications());
        assertEquals("publickey", resolver.resolve(SshTarget.builder("keysonly")
                .preferredAuthentications("password,keyboard-interactive,publickey").build())
                .preferredAuthentications());
        SshException e = assertThrows(SshException.class, () -> resolver.resolve(SshTarget.builder("nothing")
                .build()));
        assertEquals(SshFailure.CONFIG_ERROR, e.failure());
    }

    @Test
    void aLatin1ByteSpoilsOneCharacterNotTheConfig() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        byte[] latin1Comment = "# Rechner im B\u00fcro\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] rest = """
                Host office
                  HostName office.example.org
                  StrictHostKeyChecking yes
                  UserKnownHostsFile ~/.ssh/office_known_hosts
                  IdentitiesOnly yes
                  ProxyJump gate
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(home.resolve(".ssh/config"), concat(latin1Comment, rest));
        ConnectSpec spec = ConnectSpecResolver.forEnvironment(environment()).resolve(SshTarget.builder("office")
                .build());
        assertEquals(StrictHostKeyChecking.YES, spec.strictHostKeyChecking());
        assertEquals(List.of(home.resolve(".ssh/office_known_hosts")), spec.knownHostsFiles());
        assertTrue(spec.identitiesOnly());
        assertEquals("gate", spec.jumps().getFirst().alias());
        assertTrue(spec.warnings().isEmpty(), "a comment's bytes are no concern: " + spec.warnings());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void theSystemConfigIsReadAfterTheUsers() throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc-ssh"));
        Files.createDirectories(etc.resolve("ssh_config.d"));
        Files.writeString(etc.resolve("ssh_config.d/10-site.conf"), """
                Host *.corp
                  StrictHostKeyChecking yes
                """);
        Files.writeString(etc.resolve("ssh_config"), """
                Include ssh_config.d/*.conf
                Host web.corp
                  Port 9
                  User site-user
                """);
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host web.corp
                  Port 2200
                """);
        ConnectSpec spec = ConnectSpecResolver.forEnvironment(environment().withSystemConfig(etc.resolve(
                "ssh_config"))).resolve(SshTarget.builder("web.corp").build());
        assertEquals(2200, spec.port(), "the user's value wins");
        assertEquals("site-user", spec.user(), "the system file fills in the rest");
        assertEquals(StrictHostKeyChecking.YES, spec.strictHostKeyChecking(), "its Include is relative to it");
        assertEquals(Optional.of(Path.of("/etc/ssh/ssh_config")), SshEnvironment.system().systemConfig());
    }

    @Test
    void aConfigThatCannotBeReadStopsConnecting() throws Exception {
        Files.createDirectories(home.resolve(".ssh/config")); // a folder where the file should be
        SshException e = assertThrows(SshException.class, () -> ConnectSpecResolver.forEnvironment(environment())
                .resolve(SshTarget.builder("h").build()));
        assertEquals(SshFailure.CONFIG_ERROR, e.failure());
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
    }

    @Test
    void includeMatchAndKnownHostsSettings() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(ssh.resolve("config.d"));
        Files.writeString(ssh.resolve("config.d/10-work"), """
                Host work
                  HostName work.example.org
                  UserKnownHostsFile ~/.ssh/work_known_hosts /tmp/second
                  HashKnownHosts yes
                """);
        ConnectSpecResolver resolver = resolverFor("""
                Include config.d/*
                Match originalhost work user deploy
                  Port 2223
                Match host work.example.org
                  ConnectTimeout 4
                Match exec "true"
                  Port 9999
                Host work
                  User deploy
                """);
        ConnectSpec spec = resolver.resolve(SshTarget.builder("work").user("deploy").build());
        assertEquals("work.example.org", spec.hostName());
        assertEquals(2223, spec.port());
        assertEquals(Duration.ofSeconds(4), spec.connectTimeout());
        assertEquals(List.of(ssh.resolve("work_known_hosts"), Path.of("/tmp/second")), spec.knownHostsFiles());
        assertTrue(spec.hashKnownHosts());
        assertTrue(spec.warnings().stream().anyMatch(w -> w.contains("exec")), spec.warnings().toString());
    }

    @Test
    void malformedLinesAreErrorsNotCrashes() throws Exception {
        String text = """
                Host "unterminated
                Port
                Port notanumber
                Match host
                =
                Host ok
                  User fine
                """;
        OpenSshConfig config = OpenSshConfig.parse(text, home.resolve(".ssh"));
        HostSettings settings = config.lookup("ok", null, "alice");
        assertEquals(Optional.of("fine"), settings.user());
        assertTrue(settings.port().isEmpty(), "an unparsable port reads as absent");
        assertEquals(4, config.errors().size(), config.errors().toString());
        SshException e = assertThrows(SshException.class, () -> resolverFor(text).resolve(SshTarget.builder("ok")
                .build()));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void keywordValueSyntaxes() {
        assertEquals(List.of("Port", "22"), ConfigLineTokenizer.tokenize("Port=22"));
        assertEquals(List.of("Port", "22"), ConfigLineTokenizer.tokenize("  Port = 22 "));
        assertEquals(List.of("IdentityFile", "/a b/c"), ConfigLineTokenizer.tokenize("IdentityFile \"/a b/c\""));
        assertEquals(List.of("Host", "a", "b"), ConfigLineTokenizer.tokenize("Host a b # trailing comment"));
        assertEquals(null, ConfigLineTokenizer.tokenize("Host \"a"));
    }

    @Test
    void hopAddresses() {
        assertEquals(Optional.of(new HopAddress(Optional.of("u"), "h", Optional.of(2222))),
                HopAddress.parse("u@h:2222"));
        assertEquals(Optional.of(new HopAddress(Optional.empty(), "::1", Optional.empty())), HopAddress.parse("::1"));
        assertEquals(Optional.of(new HopAddress(Optional.empty(), "::1", Optional.of(22))),
                HopAddress.parse("[::1]:22"));
        assertEquals(Optional.of(new HopAddress(Optional.of("u"), "h", Optional.of(22))),
                HopAddress.parse("ssh://u@h:22/"));
        assertTrue(HopAddress.parse("h:0").isEmpty());
        assertTrue(HopAddress.parse("h:x").isEmpty());
        assertTrue(HopAddress.parse("@h").isEmpty());
        assertTrue(HopAddress.parse("[::1").isEmpty());
        assertTrue(HopAddress.parse("").isEmpty());
    }

    @Test
    void wildcards() {
        assertTrue(HostPatterns.wildcardMatches("*.example.org", "a.b.EXAMPLE.org"));
        assertTrue(HostPatterns.wildcardMatches("web?", "web1"));
        assertFalse(HostPatterns.wildcardMatches("web?", "web12"));
        assertTrue(HostPatterns.wildcardMatches("[127.0.0.1]:*", "[127.0.0.1]:2222"));
        assertFalse(HostPatterns.matches(List.of("*", "!secret"), "secret"));
    }
}
