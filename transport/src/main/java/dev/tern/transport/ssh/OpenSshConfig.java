package dev.tern.transport.ssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed OpenSSH client config ({@code ~/.ssh/config}): {@code Host} and {@code Match} blocks, {@code Include}
 * (globs, relative to {@code ~/.ssh}), {@code key value} and {@code key=value} forms, double quotes, comments.
 * Lookups follow OpenSSH: the first value obtained for a keyword wins, except for the keywords that accumulate
 * (IdentityFile and friends). Bad lines never fail the parse; they become {@link #warnings()}.
 */
public final class OpenSshConfig {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Set<String> ACCUMULATING = Set.of("identityfile", "certificatefile", "localforward",
            "remoteforward", "dynamicforward", "sendenv", "setenv");

    private final List<Directive> directives;
    private final List<String> warnings;

    private OpenSshConfig(List<Directive> directives, List<String> warnings) {
        this.directives = List.copyOf(directives);
        this.warnings = List.copyOf(warnings);
    }

    public static OpenSshConfig empty() {
        return new OpenSshConfig(List.of(), List.of());
    }

    /** Parses a config file; a missing file is an empty config, an unreadable one an empty config with a warning. */
    public static OpenSshConfig parse(Path file, Path sshDir) {
        Parser parser = new Parser(sshDir);
        parser.parseFile(file, List.of(), 0);
        return new OpenSshConfig(parser.directives, parser.warnings);
    }

    /** Parses config text; {@code sshDir} anchors relative {@code Include} paths. */
    public static OpenSshConfig parse(String text, Path sshDir) {
        Parser parser = new Parser(sshDir);
        parser.parseText(text, Path.of("<text>"), List.of(), 0);
        return new OpenSshConfig(parser.directives, parser.warnings);
    }

    /** Problems found while parsing (unknown Match criteria, bad Include, ...), each naming file and line. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The settings that apply to {@code alias} (the name the user typed). {@code user} and {@code localUser} feed
     * {@code Match user} and {@code Match localuser}.
     */
    public HostSettings lookup(String alias, String user, String localUser) {
        Map<String, List<String>> first = new LinkedHashMap<>();
        Map<String, List<String>> accumulated = new LinkedHashMap<>();
        for (Directive directive : directives) {
            MatchContext context = new MatchContext(alias,
                    first.containsKey("hostname") ? first.get("hostname").getFirst().replace("%h", alias) : alias,
                    first.containsKey("user") ? first.get("user").getFirst() : user, localUser);
            if (!directive.guards().stream().allMatch(guard -> guard.matches(context))) {
                continue;
            }
            if (ACCUMULATING.contains(directive.keyword())) {
                accumulated.computeIfAbsent(directive.keyword(), k -> new ArrayList<>()).addAll(directive.args());
            } else {
                first.putIfAbsent(directive.keyword(), directive.args());
            }
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(first);
        merged.putAll(accumulated);
        return new HostSettings(merged);
    }

    /** One keyword line, with the block conditions that must hold for it to apply. */
    private record Directive(List<Guard> guards, String keyword, List<String> args) {
    }

    private record MatchContext(String alias, String hostName, String user, String localUser) {
    }

    private sealed interface Guard permits HostGuard, MatchGuard {
        boolean matches(MatchContext context);
    }

    private record HostGuard(List<String> patterns) implements Guard {
        @Override
        public boolean matches(MatchContext context) {
            return HostPatterns.matches(patterns, context.alias());
        }
    }

    /** {@code Match} criteria; all must hold. Criteria we cannot evaluate (exec, ...) never match. */
    private record MatchGuard(List<Criterion> criteria) implements Guard {
        @Override
        public boolean matches(MatchContext context) {
            return criteria.stream().allMatch(criterion -> criterion.matches(context));
        }
    }

    private record Criterion(String name, boolean negated, List<String> patterns) {
        boolean matches(MatchContext context) {
            boolean result = switch (name) {
                case "all", "final" -> true;
                case "canonical" -> false;
                case "host" -> HostPatterns.matches(patterns, context.hostName());
                case "originalhost" -> HostPatterns.matches(patterns, context.alias());
                case "user" -> context.user() != null && HostPatterns.matches(patterns, context.user());
                case "localuser" -> HostPatterns.matches(patterns, context.localUser());
                default -> false;
            };
            return negated != result;
        }
    }

    private static final class Parser {
        private final Path sshDir;
        private final List<Directive> directives = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Parser(Path sshDir) {
            this.sshDir = sshDir;
        }

        void parseFile(Path file, List<Guard> outer, int depth) {
            if (!Files.exists(file)) {
                return;
            }
            try {
                parseText(Files.readString(file), file, outer, depth);
            } catch (IOException | RuntimeException e) {
                warnings.add(file + ": could not be read (" + e.getMessage() + "); it was ignored");
            }
        }

        void parseText(String text, Path file, List<Guard> outer, int depth) {
            List<Guard> block = List.of();
            String[] lines = text.split("\r?\n", -1);
            for (int index = 0; index < lines.length; index++) {
                int lineNumber = index + 1;
                String line = lines[index].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> words = ConfigLineTokenizer.tokenize(line);
                if (words == null || words.isEmpty()) {
                    warnings.add(file + " line " + lineNumber + ": unbalanced quotes; the line was ignored");
                    continue;
                }
                String keyword = words.getFirst().toLowerCase(Locale.ROOT);
                List<String> args = words.subList(1, words.size());
                switch (keyword) {
                    case "host" -> {
                        if (args.isEmpty()) {
                            warnings.add(file + " line " + lineNumber + ": Host without a pattern matches nothing");
                        }
                        block = List.of(new HostGuard(List.copyOf(args)));
                    }
                    case "match" -> block = List.of(parseMatch(args, file, lineNumber));
                    case "include" -> include(args, concat(outer, block), depth, file, lineNumber);
                    default -> {
                        if (args.isEmpty()) {
                            warnings.add(file + " line " + lineNumber + ": " + words.getFirst()
                                    + " has no value; the line was ignored");
                        } else {
                            directives.add(new Directive(concat(outer, block), keyword, List.copyOf(args)));
                        }
                    }
                }
            }
        }

        private Guard parseMatch(List<String> args, Path file, int lineNumber) {
            List<Criterion> criteria = new ArrayList<>();
            if (args.isEmpty()) {
                warnings.add(file + " line " + lineNumber + ": Match without criteria; the block is ignored");
                return new MatchGuard(List.of(new Criterion("never", false, List.of())));
            }
            for (int i = 0; i < args.size(); i++) {
                String word = args.get(i).toLowerCase(Locale.ROOT);
                boolean negated = word.startsWith("!");
                String name = negated ? word.substring(1) : word;
                List<String> patterns = List.of();
                if (!Set.of("all", "canonical", "final").contains(name)) {
                    if (i + 1 >= args.size()) {
                        warnings.add(file + " line " + lineNumber + ": Match " + name + " needs an argument; "
                                + "the block is ignored");
                        return new MatchGuard(List.of(new Criterion("never", false, List.of())));
                    }
                    patterns = List.of(args.get(++i).split(","));
                }
                if (!Set.of("all", "canonical", "final", "host", "originalhost", "user", "localuser")
                        .contains(name)) {
                    warnings.add(file + " line " + lineNumber + ": Match " + name
                            + " is not supported by Tern; that block is skipped");
                }
                criteria.add(new Criterion(name, negated, patterns));
            }
            return new MatchGuard(criteria);
        }

        private void include(List<String> args, List<Guard> guards, int depth, Path file, int lineNumber) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                warnings.add(file + " line " + lineNumber + ": Include nested too deeply; ignored");
                return;
            }
            for (String arg : args) {
                Path pattern;
                try {
                    pattern = ConnectSpecResolver.expandHome(arg, sshDir.getParent());
                    if (!pattern.isAbsolute()) {
                        pattern = sshDir.resolve(pattern);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    warnings.add(file + " line " + lineNumber + ": Include of an invalid path; ignored");
                    continue;
                }
                for (Path match : glob(pattern, file, lineNumber)) {
                    parseFile(match, guards, depth + 1);
                }
            }
        }

        private List<Path> glob(Path pattern, Path file, int lineNumber) {
            String name = pattern.getFileName() == null ? "" : pattern.getFileName().toString();
            Path parent = pattern.getParent();
            if (parent == null || parent.toString().matches(".*[*?\\[].*")) {
                warnings.add(file + " line " + lineNumber + ": Include " + pattern
                        + " (wildcards are supported in the file name only); ignored");
                return List.of();
            }
            if (!name.matches(".*[*?\\[].*")) {
                return List.of(pattern);
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(parent)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
                    for (Path entry : entries) {
                        if (matcher.matches(entry.getFileName()) && Files.isRegularFile(entry)) {
                            matches.add(entry);
                        }
                    }
                } catch (IOException e) {
                    warnings.add(file + " line " + lineNumber + ": Include " + pattern + " could not be listed");
                }
            }
            matches.sort(null);
            return matches;
        }

        private static List<Guard> concat(List<Guard> a, List<Guard> b) {
            List<Guard> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }
}
