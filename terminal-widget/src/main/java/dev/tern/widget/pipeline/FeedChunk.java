package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.TerminalLine;

import java.util.List;

/**
 * One frame's worth of work for the widget: first (optionally) clear its history, then append {@code history} to it
 * in one batch, then parse {@code text} (the frame renderer's output plus mode switches).
 */
record FeedChunk(boolean clearHistory, List<TerminalLine> history, String text) {
    FeedChunk {
        history = List.copyOf(history);
    }
}
