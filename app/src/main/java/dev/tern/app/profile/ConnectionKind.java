package dev.tern.app.profile;

/** What a tab of a profile runs. */
public enum ConnectionKind {
    MOSH("Mosh"),
    SSH("SSH"),
    LOCAL("Local shell");

    private final String label;

    ConnectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRemote() {
        return this != LOCAL;
    }

    @Override
    public String toString() {
        return label;
    }
}
