package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.TerminalLine;

import java.util.List;

/**
 * One frame's worth of work for the widget: parse {@code prelude} (a buffer switch that must happen before the
 * history is touched), then (optionally) clear its history, append {@code history} to it in one batch, and parse
 * {@code text} (the frame renderer's output plus mode switches).
 */
record FeedChunk(String prelude, boolean clearHistory, List<TerminalLine> history, String text) {
    FeedChunk {
        history = List.copyOf(history);
    }
}
