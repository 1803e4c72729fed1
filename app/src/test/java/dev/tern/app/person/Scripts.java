package dev.tern.app.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The helper scripts of the real-window tests, copied once into a folder every user may read and write: the
 * test bed's sshd logs in as another user (when the tests run as root), and its shell runs the key recorder too.
 */
final class Scripts {
    private static Path folder;

    private Scripts() {
    }

    /** A folder shared with the test bed's user, for scripts and the files they write. */
    static synchronized Path sharedFolder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("tern-person-");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            folder.toFile().deleteOnExit();
        }
        return folder;
    }

    static synchronized Path extract(String name) throws IOException {
        Path target = sharedFolder().resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = Scripts.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("missing test resource " + name));
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return target;
    }
}
