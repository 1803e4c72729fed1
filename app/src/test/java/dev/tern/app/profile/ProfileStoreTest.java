package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T21:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Profile sample(String name) {
        return new Profile(null, name, "Work", ConnectionKind.MOSH, "build.example.org", 2222, "alice",
                AuthMethod.KEY_FILE, "/home/alice/.ssh/id_ed25519", "bob@bastion:22", false,
                new MoshOptions("mosh-server new -v", "60001:60010", "relay.example.org", 61000,
                        PredictionMode.ALWAYS, true, "C.UTF-8"),
                "tmux attach", new TerminalOptions("DejaVu Sans Mono", 15, "Dark"));
    }

    @Test
    void savedProfilesComeBackEqualAfterAReload() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.load();
        Profile profile = sample("build");
        store.update(ProfileEdits.add(List.of(profile, Profile.local("shell"))));
        store.update(ProfileEdits.settings(new AppSettings("Fira Code", 16, "Light", PredictionMode.NEVER, 5000,
                ThemeChoice.DARK, dev.tern.widget.CursorStyle.BAR)));

        ProfileStore reopened = new ProfileStore(dir);
        LoadReport report = reopened.load();

        assertEquals(List.of(), report.notices());
        assertEquals(List.of(profile, Profile.local("shell").withId(reopened.current().profiles().get(1).id())),
                reopened.current().profiles());
        assertEquals("Fira Code", reopened.current().settings().fontFamily());
        assertEquals(ThemeChoice.DARK, reopened.current().settings().theme());
        assertEquals(dev.tern.widget.CursorStyle.BAR, reopened.current().settings().cursor());
        assertTrue(Files.readString(store.file()).contains("\"schemaVersion\" : 3"));
    }

    @Test
    void aSchemaOneFileIsMigratedAndItsPasswordDropped() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version": 1, "profiles": [
                  {"name": "old box", "folder": "Legacy", "protocol": "ssh", "address": "carol@old.example.org:2200",
                   "identityFile": "~/.ssh/id_rsa", "password": "hunter2-legacy"},
                  {"name": "mosh box", "protocol": "mosh", "address": "new.example.org", "predict": "always"}
                ]}
                """);
        ProfileStore store = new ProfileStore(dir);
        LoadReport report = store.load();

        List<Profile> profiles = store.current().profiles();
        assertEquals(2, profiles.size());
        Profile old = profiles.get(0);
        assertEquals("Legacy", old.group());
        assertEquals(ConnectionKind.SSH, old.kind());
        assertEquals("carol", old.user());
        assertEquals("old.example.org", old.host());
        assertEquals(2200, old.port());
        assertEquals(AuthMethod.KEY_FILE, old.auth());
        assertEquals("~/.ssh/id_rsa", old.keyFile());
        assertEquals(PredictionMode.ALWAYS, profiles.get(1).mosh().prediction());
        assertTrue(report.notices().stream().anyMatch(n -> n.contains("upgraded from schema 1")), report.toString());
        assertTrue(report.notices().stream().anyMatch(n -> n.contains("password was removed")), report.toString());

        // the password is scrubbed from the disk at load, before any edit
        String saved = Files.readString(store.file());
        assertFalse(saved.contains("hunter2-legacy"), saved);
        assertTrue(saved.contains("\"schemaVersion\" : 3"), saved);
    }

    @Test
    void aSchemaTwoFileLetsItsDefaultModesFollowSettings() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"schemaVersion": 2, "profiles": [
                  {"name": "untouched", "kind": "MOSH", "host": "a.example.org", "mosh": {"prediction": "ADAPTIVE"}},
                  {"name": "chosen", "kind": "MOSH", "host": "b.example.org", "mosh": {"prediction": "NEVER"}}
                ]}
                """);
        ProfileStore store = new ProfileStore(dir);
        LoadReport report = store.load();

        List<Profile> profiles = store.current().profiles();
        assertNull(profiles.get(0).mosh().prediction(), "ADAPTIVE of schema 2 was the default: follow Settings");
        assertEquals(PredictionMode.NEVER, profiles.get(1).mosh().prediction());
        assertTrue(report.notices().stream().anyMatch(n -> n.contains("upgraded from schema 2")), report.toString());
    }

    @Test
    void aProfileWithoutAnAuthMethodLogsInAutomaticallyAndAStoredMethodStays() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"schemaVersion": 3, "profiles": [
                  {"name": "unsaid", "kind": "SSH", "host": "a.example.org"},
                  {"name": "agent", "kind": "SSH", "host": "b.example.org", "auth": "AGENT"}
                ]}
                """);
        ProfileStore store = new ProfileStore(dir);
        LoadReport report = store.load();

        List<Profile> profiles = store.current().profiles();
        assertEquals(AuthMethod.AUTOMATIC, profiles.get(0).auth());
        assertEquals(AuthMethod.AGENT, profiles.get(1).auth());
        assertEquals(List.of(), report.notices());
    }

    @Test
    void eachSaveKeepsThePreviousVersionAsBackup() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.load();
        store.update(ProfileEdits.add(List.of(sample("first"))));
        String firstVersion = Files.readString(store.file());
        store.update(ProfileEdits.add(List.of(sample("second"))));

        assertEquals(firstVersion, Files.readString(store.backupFile()));
        assertTrue(Files.readString(store.file()).contains("second"));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temp file left");
        }
    }

    /** Stands for the process dying mid-save: an Error skips every cleanup, as a kill would. */
    private static final class SimulatedKill extends Error {
        SimulatedKill() {
            super("killed");
        }
    }

    @Test
    void aKillAtAnyStepOfASaveLeavesTheOldOrTheNewFileNeverABrokenOne() throws IOException {
        for (AtomicFileWriter.Step step : AtomicFileWriter.Step.values()) {
            Path stepDir = Files.createDirectories(dir.resolve(step.name()));
            ProfileStore store = new ProfileStore(stepDir);
            store.load();
            store.update(ProfileEdits.add(List.of(sample("before"))));
            store.update(ProfileEdits.add(List.of(sample("also before"))));
            String before = Files.readString(store.file());

            ProfileStore dying = new ProfileStore(stepDir, new AtomicFileWriter(reached -> {
                if (reached == step) {
                    throw new SimulatedKill();
                }
            }), CLOCK);
            dying.load();
            assertThrows(SimulatedKill.class, () -> dying.update(ProfileEdits.add(List.of(sample("during")))));

            ProfileStore afterRestart = new ProfileStore(stepDir);
            LoadReport report = afterRestart.load();
            assertEquals(List.of(), report.notices(), step + ": " + report);
            String now = Files.readString(afterRestart.file());
            List<String> names = afterRestart.current().profiles().stream().map(Profile::name).toList();
            if (step == AtomicFileWriter.Step.RENAMED) {
                assertEquals(List.of("before", "also before", "during"), names, step.name());
            } else {
                assertEquals(before, now, step.name());
            }
            try (Stream<Path> files = Files.list(stepDir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")),
                        step + ": leftovers are cleaned at the next start");
            }
        }
    }

    @Test
    void aCorruptFileIsKeptAsideAndTheBackupLoaded() throws IOException {
        ProfileStore store = new ProfileStore(dir, new AtomicFileWriter(), CLOCK);
        store.load();
        store.update(ProfileEdits.add(List.of(sample("kept"))));
        store.update(ProfileEdits.add(List.of(sample("newest"))));
        Files.writeString(store.file(), "{\"schemaVersion\": 2, \"profiles\": [ {\"name\": ");

        ProfileStore reopened = new ProfileStore(dir, new AtomicFileWriter(), CLOCK);
        LoadReport report = reopened.load();

        Path aside = dir.resolve("profiles.json.corrupt-20261125-210000");
        assertTrue(Files.exists(aside), "the broken file is kept");
        assertTrue(Files.readString(aside).startsWith("{\"schemaVersion\": 2, \"profiles\": [ {\"name\": "));
        assertTrue(report.problem());
        String message = String.join("\n", report.notices());
        assertTrue(message.contains("could not be read") && message.contains("not valid JSON")
                && message.contains(aside.toString()) && message.contains("backup"), message);
        assertEquals(List.of("kept"), reopened.current().profiles().stream().map(Profile::name).toList());

        reopened.update(ProfileEdits.add(List.of(sample("after recovery"))));
        assertEquals(List.of("kept", "after recovery"),
                new ProfileStore(dir).load().document().profiles().stream().map(Profile::name).toList());
    }

    @Test
    void aFileOfTheWrongShapeWithoutBackupStartsEmptyAndSaysSo() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), "[1, 2, 3]");
        ProfileStore store = new ProfileStore(dir, new AtomicFileWriter(), CLOCK);
        LoadReport report = store.load();

        assertTrue(report.problem());
        assertEquals(List.of(), store.current().profiles());
        String message = String.join("\n", report.notices());
        assertTrue(message.contains("does not hold a JSON object") && message.contains("No backup"), message);
        assertTrue(Files.exists(dir.resolve("profiles.json.corrupt-20261125-210000")));
    }

    @Test
    void aFileFromANewerTernIsReadOnlySoNothingInItIsLost() throws IOException {
        String newer = """
                {"schemaVersion": 99, "futureField": {"x": 1},
                 "profiles": [{"id": "a", "name": "future", "kind": "SSH", "host": "h.example.org"}]}
                """;
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), newer);
        ProfileStore store = new ProfileStore(dir);
        LoadReport report = store.load();

        assertTrue(report.readOnly());
        assertEquals("future", store.current().profiles().getFirst().name());
        assertThrows(IOException.class, () -> store.update(ProfileEdits.add(List.of(sample("x")))));
        assertEquals(newer, Files.readString(store.file()));
    }

    @Test
    void twoInstancesEditingDifferentProfilesKeepBothEdits() throws IOException {
        ProfileStore first = new ProfileStore(dir);
        first.load();
        Profile a = sample("a");
        Profile b = sample("b");
        first.update(ProfileEdits.add(List.of(a, b)));
        ProfileStore second = new ProfileStore(dir);
        second.load();

        first.update(ProfileEdits.save(a, a.withName("a renamed in first")));
        second.update(ProfileEdits.save(b, b.withName("b renamed in second")));

        List<String> names = new ProfileStore(dir).load().document().profiles().stream().map(Profile::name).toList();
        assertEquals(List.of("a renamed in first", "b renamed in second"), names);
    }

    @Test
    void twoInstancesEditingTheSameProfileKeepBothVersions() throws IOException {
        ProfileStore first = new ProfileStore(dir);
        first.load();
        Profile a = sample("a");
        first.update(ProfileEdits.add(List.of(a)));
        ProfileStore second = new ProfileStore(dir);
        second.load();

        first.update(ProfileEdits.save(a, a.withGroup("First's group")));
        List<String> notices = second.update(ProfileEdits.save(a, a.withGroup("Second's group")));

        List<Profile> saved = new ProfileStore(dir).load().document().profiles();
        assertEquals(2, saved.size());
        assertEquals("First's group", saved.get(0).group());
        assertEquals("a (conflicting edit)", saved.get(1).name());
        assertEquals("Second's group", saved.get(1).group());
        assertTrue(notices.getFirst().contains("changed in another Tern window"), notices.toString());

        List<String> deleteNotices = second.update(ProfileEdits.delete(a));
        assertTrue(deleteNotices.getFirst().contains("was not deleted"), deleteNotices.toString());
        assertEquals(2, new ProfileStore(dir).load().document().profiles().size());
    }

    @Test
    void aLoadWhileAnotherStoreSavesLeavesThatSaveAlone() throws Exception {
        ProfileStore reader = new ProfileStore(dir);
        java.util.concurrent.CompletableFuture<LoadReport> loaded = new java.util.concurrent.CompletableFuture<>();
        // the other store loads at the worst moment of this save: its temp file written, not yet renamed
        AtomicFileWriter racing = new AtomicFileWriter(step -> {
            if (step == AtomicFileWriter.Step.TEMP_WRITTEN && reader.current().profiles().isEmpty()
                    && !loaded.isDone()) {
                Thread.ofPlatform().start(() -> loaded.complete(reader.load()));
                try {
                    loaded.get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException waitingForTheLock) {
                    // what a load must do while a save is under way
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    throw new IOException(e);
                }
            }
        });
        ProfileStore saver = new ProfileStore(dir, racing, CLOCK);
        saver.load();

        saver.update(ProfileEdits.add(List.of(sample("saved while another window loads"))));

        assertEquals(List.of("saved while another window loads"), loaded.get(10, java.util.concurrent.TimeUnit.SECONDS)
                .document().profiles().stream().map(Profile::name).toList(), "the load waited for the save");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains(AtomicFileWriter.TEMP_MARKER)).toList());
        }
    }

    @Test
    void twoStoresSavingAndLoadingAtOnceLoseNothing() throws Exception {
        int perStore = 25;
        ProfileStore first = new ProfileStore(dir);
        ProfileStore second = new ProfileStore(dir);
        first.load();
        second.load();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = List.of(
                    pool.submit(() -> addEach(first, "first", perStore)),
                    pool.submit(() -> addEach(second, "second", perStore)));
            for (java.util.concurrent.Future<?> run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS); // a failed save fails the test here
            }
        } finally {
            pool.shutdownNow();
        }
        List<Profile> saved = new ProfileStore(dir).load().document().profiles();
        assertEquals(2 * perStore, saved.size(), saved.stream().map(Profile::name).toList().toString());
    }

    /** Adds profiles one by one, loading again before each, as a window does after another one saved. */
    private static Void addEach(ProfileStore store, String prefix, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            LoadReport report = store.load();
            assertEquals(List.of(), report.notices());
            store.update(ProfileEdits.add(List.of(sample(prefix + " " + i))));
        }
        return null;
    }

    @Test
    void noSecretEverReachesTheDisk() throws IOException {
        String testPassword = "Tr0ub4dor&3-test-password";
        ProfileStore store = new ProfileStore(dir);
        store.load();
        Profile remembering = new Profile(null, "pw host", "", ConnectionKind.SSH, "pw.example.org", null, "dave",
                AuthMethod.PASSWORD, "", "", true, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
        store.update(ProfileEdits.add(List.of(remembering)));
        // even a hand-edited secret field is scrubbed at the next save
        String withSecret = Files.readString(store.file()).replace("\"rememberPassword\" : true",
                "\"rememberPassword\" : true, \"password\" : \"" + testPassword + "\"");
        Files.writeString(store.file(), withSecret);
        ProfileStore reopened = new ProfileStore(dir);
        reopened.load();
        reopened.update(ProfileEdits.add(List.of(sample("another"))));
        reopened.exportTo(dir.resolve("export.json"), reopened.current().profiles());

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertFalse(text.contains(testPassword), file + " holds the password");
            }
        }
        assertTrue(reopened.current().find(remembering.id()).orElseThrow().rememberPassword());
    }

    @Test
    void anExportedFileImportsWithFreshIds() throws IOException, ProfilesFileException {
        ProfileStore store = new ProfileStore(dir);
        store.load();
        Profile profile = sample("exported");
        store.update(ProfileEdits.add(List.of(profile)));
        Path export = dir.resolve("out").resolve("tern-profiles.json");
        store.exportTo(export, store.current().profiles());

        List<Profile> imported = ProfileStore.readExport(export);
        assertEquals(1, imported.size());
        assertFalse(imported.getFirst().id().equals(profile.id()));
        assertEquals(profile.withId(imported.getFirst().id()), imported.getFirst());
    }
}
