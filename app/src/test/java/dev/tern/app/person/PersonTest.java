package dev.tern.app.person;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every person test has: a private X display for the class (see {@link XDisplay}) and a fresh folder per
 * test for the person's home and Tern's settings ({@link Desk}).
 */
abstract class PersonTest {
    static XDisplay x;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDisplay() throws Exception {
        x = XDisplay.start();
    }

    @AfterAll
    static void closeDisplay() {
        if (x != null) {
            x.close();
            x = null;
        }
    }
}
