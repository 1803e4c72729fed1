package dev.tern.transport.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one ssh_config line into keyword and arguments the way OpenSSH does: the keyword ends at whitespace or
 * {@code =}, arguments are separated by whitespace, and double quotes group words with spaces.
 */
final class ConfigLineTokenizer {
    private ConfigLineTokenizer() {
    }

    /** The words of the line, or null when a quote is left open. */
    static List<String> tokenize(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        int keywordStart = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        List<String> words = new ArrayList<>();
        if (i == keywordStart) {
            return words;
        }
        words.add(line.substring(keywordStart, i));
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < n && line.charAt(i) == '=') {
            i++;
        }
        StringBuilder word = null;
        boolean quoted = false;
        for (; i < n; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (!quoted && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (!quoted && c == '#' && word == null) {
                break; // a trailing comment
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
