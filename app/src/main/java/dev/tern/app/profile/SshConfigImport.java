package dev.tern.app.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code Host} blocks of an OpenSSH client config into profiles: one per concrete alias, skipping
 * wildcard and negated patterns ({@code *}, {@code ?}, {@code !}) and {@code Match} blocks. A profile connects by
 * its alias and sets nothing else, so at connect time the SSH layer resolves the alias through the config as
 * {@code ssh alias} would: HostName, User, Port, keys and ProxyJump, and also HostKeyAlias, StrictHostKeyChecking,
 * UserKnownHostsFile and IdentitiesOnly of that block, which a copied HostName would lose. Fields set in the
 * profile later still win over the config.
 */
public final class SshConfigImport {
    public static final String GROUP = "SSH config";

    private SshConfigImport() {
    }

    /** @param notes lines the importer could not use, for the user */
    public record Result(List<Profile> profiles, List<String> notes) {
    }

    public static Result parse(String configText, ConnectionKind kind) {
        Map<String, Map<String, String>> hosts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Map<String, String>> block = List.of();
        String[] lines = configText.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> words = words(lines[i]);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.getFirst().toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> {
                    List<Map<String, String>> targets = new ArrayList<>();
                    for (String pattern : args) {
                        if (pattern.contains("*") || pattern.contains("?") || pattern.startsWith("!")) {
                            continue;
                        }
                        targets.add(hosts.computeIfAbsent(pattern, p -> new LinkedHashMap<>()));
                    }
                    block = targets;
                }
                case "match" -> block = List.of();
                case "include" -> notes.add("line " + (i + 1) + ": Include " + String.join(" ", args)
                        + " was not followed; import that file too if it holds hosts");
                default -> {
                    if (!args.isEmpty()) {
                        for (Map<String, String> settings : block) {
                            // OpenSSH: the first value obtained for a keyword wins
                            settings.putIfAbsent(keyword, args.getFirst());
                        }
                    }
                }
            }
        }
        List<Profile> profiles = new ArrayList<>();
        hosts.forEach((alias, settings) -> profiles.add(toProfile(alias, settings, kind, notes)));
        return new Result(profiles, notes);
    }

    private static Profile toProfile(String alias, Map<String, String> settings, ConnectionKind kind,
                                     List<String> notes) {
        String host = alias;
        if (!HostAddress.isValidHostName(alias)) {
            // a profile's host must be a host name; such an alias is kept by its HostName, without its block
            host = settings.getOrDefault("hostname", alias).replace("%h", alias);
            notes.add(alias + ": the name cannot be a profile's host, so the profile connects to " + host
                    + " and the settings of 'Host " + alias + "' do not apply to it; rename the Host to use them");
        }
        if (settings.containsKey("port") && HostAddress.parsePort(settings.get("port")) == null) {
            notes.add(alias + ": Port " + settings.get("port") + " is not a valid port");
        }
        // nothing else is copied: a copy would win over the config and stop later edits of it from applying
        return new Profile(null, alias, GROUP, kind, host, null, "", AuthMethod.AUTOMATIC, "", "", false,
                MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
    }

    /** The words of one config line: {@code key value}, {@code key=value}, double quotes, {@code #} comments. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c) || (c == '=' && isKeywordSeparator(words, inWord))) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** An '=' separates only the keyword from its first argument ({@code Port=22}, {@code Port = 22}). */
    private static boolean isKeywordSeparator(List<String> wordsSoFar, boolean inWord) {
        return inWord ? wordsSoFar.isEmpty() : wordsSoFar.size() == 1;
    }
}
