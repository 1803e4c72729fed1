package dev.tern.transport.predict;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The notice as a pure function of the times and the message: no clock, no state. */
class NoticeWordingTest {
    private static final String HINT = " [To quit: Ctrl-^ .]";

    @Test
    void silenceCountsOnlyPastItsThresholdAndContactWinsOverReply() {
        assertEquals(Optional.empty(), QuietSpell.at(20_000, 13_500, 10_000), "6.5 s unheard, 10 s unacked: not yet");
        assertEquals(Optional.of(new QuietSpell(Silence.CONTACT, 6501)), QuietSpell.at(20_000, 13_499, 19_000));
        assertEquals(Optional.of(new QuietSpell(Silence.REPLY, 10_001)), QuietSpell.at(20_000, 19_000, 9_999));
        assertEquals(Optional.of(new QuietSpell(Silence.CONTACT, 7000)), QuietSpell.at(20_000, 13_000, 0),
                "both quiet: the notice speaks of contact");
    }

    @Test
    void theThreeSentences() {
        Optional<QuietSpell> quiet = Optional.of(new QuietSpell(Silence.REPLY, 80_999));
        assertEquals("mosh: Last reply 1:20 ago." + HINT, NoticeWording.notice("", quiet, HINT).orElseThrow().text());
        assertEquals("mosh: Exiting..." + HINT, NoticeWording.notice("Exiting...", Optional.empty(), HINT).orElseThrow().text());
        assertEquals("mosh: Exiting... (1:20 without reply.)",
                NoticeWording.notice("Exiting...", quiet, "").orElseThrow().text());
        assertEquals(Optional.empty(), NoticeWording.notice("", Optional.empty(), HINT));
    }

    @Test
    void theNoticeCarriesItsPartsAsData() {
        Notice notice = NoticeWording.notice("Exiting...", Optional.of(new QuietSpell(Silence.CONTACT, 7250)), HINT)
                .orElseThrow();
        assertEquals("Exiting...", notice.message());
        assertEquals(Optional.of(Duration.ofMillis(7250)), notice.silence());
        assertEquals(Optional.of(Silence.CONTACT), notice.quiet());
        assertEquals("[To quit: Ctrl-^ .]", notice.quitHint());
    }

    @Test
    void longTextsAreCutAt127CharactersNotSurrogateHalves() {
        String text = NoticeWording.notice("\uD83D\uDE00".repeat(200), Optional.empty(), HINT).orElseThrow().text();
        assertEquals(NoticeWording.MAX_CHARS, text.codePointCount(0, text.length()));
        assertEquals("mosh: ", text.substring(0, 6));
    }

    @Test
    void aNetworkErrorGoesWithinASecondOnceSendsSucceed() {
        StatusMessage error = StatusMessage.networkError("sendto: Network is unreachable", 1000);
        assertEquals(4100, error.expiresAt());
        assertEquals(2500, error.afterSendSucceeded(1500).expiresAt());
        StatusMessage ordinary = StatusMessage.shown("hello", 1000, false);
        assertEquals(ordinary, ordinary.afterSendSucceeded(1500), "only network errors are shortened");
        assertEquals("", ordinary.textAt(2000));
        assertEquals("hello", ordinary.textAt(1999));
    }
}
