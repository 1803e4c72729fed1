package dev.tern.transport.predict;

import java.time.Duration;
import java.util.Optional;

/**
 * What the connection bar says right now, as data: the GUI shows it as a banner, the CLI draws {@link #text()} as
 * a top-row bar, white on blue.
 *
 * @param text      the whole bar text exactly as mosh 1.4.0 words it, e.g.
 *                  {@code mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]}
 * @param message   the status message, empty when the bar only counts up
 * @param silence   how long the link has been quiet, when that is being counted up (≥ 6.5 s without contact or
 *                  ≥ 10 s without reply)
 * @param quiet     which direction is quiet, when counting up
 * @param quitHint  the quit hint shown, e.g. {@code [To quit: Ctrl-^ .]}, or empty
 */
public record Notice(String text, String message, Optional<Duration> silence, Optional<Silence> quiet,
                     String quitHint) {
}
