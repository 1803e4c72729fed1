package dev.tern.app.profile;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-profile switch and bound of a Mosh tab's complete history (docs/ARCHITECTURE.md §13). */
class CompleteHistoryOptionTest {
    @Test
    void onByDefaultAtTenMegabytesOffAtZero() {
        assertEquals(OptionalLong.of(10_000_000L), MoshOptions.DEFAULTS.historyBoundBytes());
        assertEquals(OptionalLong.empty(), MoshOptions.DEFAULTS.withHistoryMegabytes(0).historyBoundBytes());
        assertEquals(OptionalLong.of(50_000_000L), MoshOptions.DEFAULTS.withHistoryMegabytes(50).historyBoundBytes());
        assertEquals(OptionalLong.of(3_000_000L), MoshOptions.DEFAULTS.withHistoryMegabytes(3)
                .withServerTimeoutSeconds(60L).historyBoundBytes(), "other edits keep it");
    }

    @Test
    void storedInTheProfileAndAbsentInOlderFilesMeansOn() throws Exception {
        var mapper = ProfileJson.mapper();
        MoshOptions off = MoshOptions.DEFAULTS.withHistoryMegabytes(0);
        String json = mapper.writeValueAsString(off);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        assertEquals(0, tree.get("historyMegabytes").asInt(-1), json);
        assertEquals(off, mapper.readValue(json, MoshOptions.class));
        tree.remove("historyMegabytes");
        MoshOptions read = mapper.treeToValue(tree, MoshOptions.class);
        assertNull(read.historyMegabytes());
        assertEquals(OptionalLong.of(10_000_000L), read.historyBoundBytes());
    }

    @Test
    void theValidatorNamesABadSize() {
        for (int bad : new int[] {-1, MoshOptions.MAX_HISTORY_MEGABYTES + 1}) {
            assertTrue(ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withHistoryMegabytes(bad)))
                    .containsKey(ProfileField.HISTORY_SIZE), "rejects " + bad);
        }
        assertTrue(!ProfileValidator.validate(mosh(MoshOptions.DEFAULTS.withHistoryMegabytes(0)))
                .containsKey(ProfileField.HISTORY_SIZE));
    }

    private static Profile mosh(MoshOptions options) {
        return new Profile(null, "n", "", ConnectionKind.MOSH, "example.org", null, "user", AuthMethod.AGENT, "", "",
                false, options, "", TerminalOptions.DEFAULTS);
    }
}
