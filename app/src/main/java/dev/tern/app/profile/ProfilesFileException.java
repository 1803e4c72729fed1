package dev.tern.app.profile;

/** A profiles document that cannot be understood: bad JSON, a wrong shape, or a failed migration. */
public final class ProfilesFileException extends Exception {
    public ProfilesFileException(String message) {
        super(message);
    }

    public ProfilesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
