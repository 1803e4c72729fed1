package dev.tern.app.profile;

/** Small string helpers shared by the profile records. */
final class Texts {
    private Texts() {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
