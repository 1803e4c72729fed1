package dev.tern.transport.predict;

/** Which direction has gone quiet, as the notice words it. */
public enum Silence {
    /** Nothing heard from the server (mosh: "contact"). */
    CONTACT("contact"),
    /** The server hears nothing from us: our states are not acknowledged (mosh: "reply"). */
    REPLY("reply");

    private final String word;

    Silence(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
