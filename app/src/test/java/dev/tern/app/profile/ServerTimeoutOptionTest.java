package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.session.WidgetSessionLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile option that lets an abandoned mosh-server end by itself (MOSH_SERVER_NETWORK_TMOUT). */
class ServerTimeoutOptionTest {
    @TempDir
    Path dir;

    private static Profile mosh(MoshOptions options) {
        return new Profile(null, "box", "", ConnectionKind.MOSH, "example.org", 22, "alice", AuthMethod.AUTOMATIC,
                "", "", false, options, "", TerminalOptions.DEFAULTS);
    }

    @Test
    void aProfileWithoutTheOptionEndsAbandonedServersAfterSevenDays() {
        assertNull(MoshOptions.DEFAULTS.serverTimeoutSeconds());
        assertEquals(Optional.of(Duration.ofSeconds(604_800)), MoshOptions.DEFAULTS.serverTimeout());
        assertEquals(Optional.empty(), MoshOptions.DEFAULTS.withServerTimeoutSeconds(0L).serverTimeout());
        assertEquals(Optional.of(Duration.ofHours(12)),
                MoshOptions.DEFAULTS.withServerTimeoutSeconds(43_200L).serverTimeout());
    }

    @Test
    void theOptionBecomesTheServersNetworkTimeout() {
        assertEquals(Optional.of(Duration.ofDays(7)),
                WidgetSessionLauncher.moshOptions(mosh(MoshOptions.DEFAULTS)).networkTimeout());
        assertEquals(Optional.of(Duration.ofHours(12)), WidgetSessionLauncher.moshOptions(
                mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(43_200L))).networkTimeout());
        assertEquals(Optional.empty(), WidgetSessionLauncher.moshOptions(
                mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(0L))).networkTimeout());
    }

    @Test
    void theEditorsTextReadsBackAsWritten() {
        assertEquals("", MoshOptions.formatServerTimeout(null));
        assertEquals("never", MoshOptions.formatServerTimeout(0L));
        assertEquals("7d", MoshOptions.formatServerTimeout(604_800L));
        assertEquals("12h", MoshOptions.formatServerTimeout(43_200L));
        assertEquals("90m", MoshOptions.formatServerTimeout(5_400L));
        assertEquals("61s", MoshOptions.formatServerTimeout(61L));
        for (Long seconds : new Long[] {null, 0L, 604_800L, 43_200L, 5_400L, 61L}) {
            assertEquals(seconds, MoshOptions.parseServerTimeout(MoshOptions.formatServerTimeout(seconds)));
        }
        assertEquals(3L * 86_400, MoshOptions.parseServerTimeout(" 3 "), "a bare number is days");
        assertEquals(0L, MoshOptions.parseServerTimeout("NEVER"));
        assertEquals(-1L, MoshOptions.parseServerTimeout("a week"));
        assertEquals(-1L, MoshOptions.parseServerTimeout("-5h"));
    }

    @Test
    void theValidatorNamesATimeThatIsNoneOrTooLong() {
        assertEquals(Map.of(), ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(3600L))));
        assertEquals(Map.of(), ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(0L))));
        assertTrue(ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(-1L)))
                .get(ProfileField.SERVER_TIMEOUT).contains("7d"));
        assertTrue(ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(
                MoshOptions.MAX_SERVER_TIMEOUT_SECONDS + 1))).containsKey(ProfileField.SERVER_TIMEOUT));
    }

    @Test
    void theOptionIsSavedAndAFileWithoutItGetsTheDefault() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.load();
        Profile hourly = mosh(MoshOptions.DEFAULTS.withServerTimeoutSeconds(3600L));
        Profile plain = mosh(MoshOptions.DEFAULTS);
        store.update(ProfileEdits.add(List.of(hourly, plain)));
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"serverTimeoutSeconds\" : 3600"), json);

        ProfileStore reopened = new ProfileStore(dir);
        assertEquals(List.of(), reopened.load().notices());
        List<Profile> profiles = reopened.current().profiles();
        assertEquals(3600L, profiles.get(0).mosh().serverTimeoutSeconds());
        assertNull(profiles.get(1).mosh().serverTimeoutSeconds());
        assertEquals(Optional.of(MoshOptions.DEFAULT_SERVER_TIMEOUT), profiles.get(1).mosh().serverTimeout());
        assertFalse(json.contains("MOSH_SERVER"), "the file holds the option, not a command line");
    }
}
