package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void readsTheFieldsAProfileHas() {
        List<Profile> profiles = SshConfigImport.parse(CONFIG, ConnectionKind.MOSH).profiles();
        Profile build = profiles.getFirst();
        assertEquals("build.example.org", build.host());
        assertEquals("alice", build.user());
        assertEquals(2222, build.port());
        assertEquals(AuthMethod.KEY_FILE, build.auth());
        assertEquals("~/.ssh/id_build", build.keyFile());
        assertEquals("bob@bastion.example.org:22", build.jumpHost());
        assertEquals(ConnectionKind.MOSH, build.kind());
        assertEquals(SshConfigImport.GROUP, build.group());

        Profile plain = profiles.get(2);
        assertEquals("plain", plain.host());
        assertEquals(2200, plain.port());
        assertEquals("carol smith", plain.user());
        assertEquals(AuthMethod.AUTOMATIC, plain.auth());

        Profile db = profiles.get(3);
        assertEquals("10.0.0.5", db.host());
        assertEquals("", db.user(), "Match blocks and wildcard blocks are not applied");
        assertEquals(null, db.port());
        assertEquals("", db.jumpHost());
    }

    @Test
    void tellsWhatItCouldNotUse() {
        List<String> notes = SshConfigImport.parse(CONFIG, ConnectionKind.SSH).notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("Include ~/.ssh/config.d/*")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("db: Port not-a-number")), notes.toString());
    }

    @Test
    void anEmptyOrCommentOnlyConfigImportsNothing() {
        assertEquals(List.of(), SshConfigImport.parse("", ConnectionKind.SSH).profiles());
        assertEquals(List.of(), SshConfigImport.parse("# nothing\n\n   \n", ConnectionKind.SSH).profiles());
    }
}
