package dev.tern.app.profile;

/** Turns what the user typed into the quick-connect field into an unsaved profile. */
public final class QuickConnect {
    public static final String GROUP = "Quick connect";

    private QuickConnect() {
    }

    /** A profile for {@code [user@]host[:port]}, or a message saying what to fix. */
    public static Result parse(String text, ConnectionKind kind) {
        if (kind == ConnectionKind.LOCAL) {
            throw new IllegalArgumentException("quick connect is for remote hosts");
        }
        return switch (HostAddress.parseOrExplain(text)) {
            case HostAddress.Valid(HostAddress address) -> new Result(Profile.remote(text.strip(), GROUP, kind,
                    address.user(), address.host(), address.port()), null);
            case HostAddress.Invalid(String message) -> new Result(null, message);
        };
    }

    /** Exactly one of the two is set. */
    public record Result(Profile profile, String error) {
        public boolean ok() {
            return profile != null;
        }
    }
}
