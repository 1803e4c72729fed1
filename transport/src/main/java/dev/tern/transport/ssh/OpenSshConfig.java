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
import java.util.Optional;
import java.util.Set;

/**
 * A parsed OpenSSH client config ({@code ~/.ssh/config}): {@code Host} and {@code Match} blocks, {@code Include}
 * (globs, relative to {@code ~/.ssh}), {@code key value} and {@code key=value} forms, double quotes, comments.
 * Lookups follow OpenSSH: the first value obtained for a keyword wins, except for the keywords that accumulate
 * (IdentityFile and friends). Files are read as bytes, as OpenSSH does: text that is not UTF-8 (a Latin-1 comment)
 * spoils only the characters concerned. Parsing never throws: problems that leave the meaning of the config
 * unknown (an unreadable file, a line that cannot be split) are {@link #errors()}, on which connecting stops;
 * lesser ones are {@link #warnings()}.
 */
public final class OpenSshConfig {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Set<String> ACCUMULATING = Set.of("identityfile", "certificatefile", "localforward",
            "remoteforward", "dynamicforward", "sendenv", "setenv");

    private final List<Directive> directives;
    private final List<String> warnings;
    private final List<String> errors;

    private OpenSshConfig(Parser parser) {
        this.directives = List.copyOf(parser.directives);
        this.warnings = List.copyOf(parser.warnings);
        this.errors = List.copyOf(parser.errors);
    }

    public static OpenSshConfig empty() {
        return new OpenSshConfig(new Parser(Path.of(".ssh")));
    }

    /** Parses a config file; a missing file is an empty config, an unreadable one an error. */
    public static OpenSshConfig parse(Path file, Path sshDir) {
        Parser parser = new Parser(sshDir);
        parser.parseFile(file, List.of(), 0, sshDir);
        return new OpenSshConfig(parser);
    }

    /**
     * The user's file, then the system-wide one (as OpenSSH reads {@code ~/.ssh/config}, then
     * {@code /etc/ssh/ssh_config}: the user's values win). Relative {@code Include}s of the system file are
     * relative to its own folder.
     */
    public static OpenSshConfig parse(Path userFile, Path sshDir, Optional<Path> systemFile) {
        Parser parser = new Parser(sshDir);
        parser.parseFile(userFile, List.of(), 0, sshDir);
        systemFile.ifPresent(file -> parser.parseFile(file, List.of(), 0, file.toAbsolutePath().getParent()));
        return new OpenSshConfig(parser);
    }

    /** Parses config text; {@code sshDir} anchors relative {@code Include} paths. */
    public static OpenSshConfig parse(String text, Path sshDir) {
        Parser parser = new Parser(sshDir);
        parser.parseText(text, Path.of("<text>"), List.of(), 0, sshDir);
        return new OpenSshConfig(parser);
    }

    /** Problems found while parsing (bad Include, Match criteria Tern cannot evaluate, ...), naming file and line. */
    public List<String> warnings() {
        return warnings;
    }

    /** Problems that leave the config's meaning unknown, naming file and line; Tern does not connect over them. */
    public List<String> errors() {
        return errors;
    }

    /**
     * The settings that apply to {@code alias} (the name the user typed). {@code user} and {@code localUser} feed
     * {@code Match user} and {@code Match localuser}.
     */
    public HostSettings lookup(String alias, String user, String localUser) {
        Map<String, List<String>> first = new LinkedHashMap<>();
        Map<String, List<String>> accumulated = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, String> undecided = new LinkedHashMap<>();
        for (Directive directive : directives) {
            MatchContext context = new MatchContext(alias,
                    first.containsKey("hostname") ? first.get("hostname").getFirst().replace("%h", alias) : alias,
                    first.containsKey("user") ? first.get("user").getFirst() : user, localUser);
            Truth applies = Truth.all(directive.guards().stream().map(guard -> guard.evaluate(context)).toList());
            if (applies == Truth.FALSE) {
                continue;
            }
            boolean accumulates = ACCUMULATING.contains(directive.keyword());
            if (applies == Truth.UNKNOWN) {
                // a block Tern cannot evaluate matters only where it could still set the value
                if (accumulates || !first.containsKey(directive.keyword())) {
                    undecided.putIfAbsent(directive.keyword(), directive.origin());
                }
                continue;
            }
            if (accumulates) {
                accumulated.computeIfAbsent(directive.keyword(), k -> new ArrayList<>()).addAll(directive.args());
                origins.putIfAbsent(directive.keyword(), directive.origin());
            } else if (!first.containsKey(directive.keyword())) {
                first.put(directive.keyword(), directive.args());
                origins.put(directive.keyword(), directive.origin());
            }
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(first);
        merged.putAll(accumulated);
        return new HostSettings(merged, origins, undecided);
    }

    /** One keyword line, with the block conditions that must hold for it to apply, and where it was written. */
    private record Directive(List<Guard> guards, String keyword, List<String> args, String origin) {
    }

    private record MatchContext(String alias, String hostName, String user, String localUser) {
    }

    /** Whether a block applies: Tern cannot evaluate some Match criteria (exec, localnetwork, ...). */
    private enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }

        /** All must hold: one FALSE decides; otherwise one UNKNOWN leaves it open. */
        static Truth all(List<Truth> parts) {
            return parts.contains(FALSE) ? FALSE : parts.contains(UNKNOWN) ? UNKNOWN : TRUE;
        }
    }

    private sealed interface Guard permits HostGuard, MatchGuard {
        Truth evaluate(MatchContext context);
    }

    private record HostGuard(List<String> patterns) implements Guard {
        @Override
        public Truth evaluate(MatchContext context) {
            return Truth.of(HostPatterns.matches(patterns, context.alias()));
        }
    }

    /** {@code Match} criteria; all must hold. */
    private record MatchGuard(List<Criterion> criteria) implements Guard {
        @Override
        public Truth evaluate(MatchContext context) {
            return Truth.all(criteria.stream().map(criterion -> criterion.evaluate(context)).toList());
        }
    }

    private record Criterion(String name, boolean negated, List<String> patterns) {
        Truth evaluate(MatchContext context) {
            Boolean result = switch (name) {
                case "all", "final" -> true;
                // Tern does not canonicalize host names (it refuses CanonicalizeHostname), so no pass is canonical
                case "canonical", "never" -> false;
                case "host" -> HostPatterns.matches(patterns, context.hostName());
                case "originalhost" -> HostPatterns.matches(patterns, context.alias());
                case "user" -> context.user() != null && HostPatterns.matches(patterns, context.user());
                case "localuser" -> HostPatterns.matches(patterns, context.localUser());
                default -> null;
            };
            if (result == null) {
                return Truth.UNKNOWN;
            }
            return name.equals("never") ? Truth.FALSE : Truth.of(negated != result);
        }
    }

    private static final class Parser {
        private final Path sshDir;
        private final List<Directive> directives = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        Parser(Path sshDir) {
            this.sshDir = sshDir;
        }

        /** @param includeBase the folder relative {@code Include} paths start from */
        void parseFile(Path file, List<Guard> outer, int depth, Path includeBase) {
            if (!Files.exists(file)) {
                return;
            }
            String text;
            try {
                text = ConfigText.decode(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                errors.add(file + " could not be read (" + e.getMessage() + "). Tern does not connect without "
                        + "knowing what it says; fix its permissions or remove it.");
                return;
            }
            parseText(text, file, outer, depth, includeBase);
        }

        void parseText(String text, Path file, List<Guard> outer, int depth, Path includeBase) {
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
                    errors.add(file + " line " + lineNumber + ": unbalanced quotes or no keyword; fix the line "
                            + "(OpenSSH refuses it too).");
                    continue;
                }
                if (line.indexOf(ConfigText.REPLACEMENT) >= 0) {
                    warnings.add(file + " line " + lineNumber + ": bytes that are not UTF-8 were read as "
                            + ConfigText.REPLACEMENT + "; a value holding them may not name what you meant");
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
                    case "include" -> include(args, concat(outer, block), depth, file, lineNumber, includeBase);
                    default -> {
                        if (args.isEmpty()) {
                            errors.add(file + " line " + lineNumber + ": " + words.getFirst() + " has no value; "
                                    + "give it one or remove the line (OpenSSH refuses it too).");
                        } else {
                            directives.add(new Directive(concat(outer, block), keyword, List.copyOf(args),
                                    file + " line " + lineNumber));
                        }
                    }
                }
            }
        }

        private Guard parseMatch(List<String> args, Path file, int lineNumber) {
            List<Criterion> criteria = new ArrayList<>();
            if (args.isEmpty()) {
                errors.add(file + " line " + lineNumber + ": Match without criteria; fix the line (OpenSSH "
                        + "refuses it too).");
                return new MatchGuard(List.of(new Criterion("never", false, List.of())));
            }
            for (int i = 0; i < args.size(); i++) {
                String word = args.get(i).toLowerCase(Locale.ROOT);
                boolean negated = word.startsWith("!");
                String name = negated ? word.substring(1) : word;
                List<String> patterns = List.of();
                if (!Set.of("all", "canonical", "final").contains(name)) {
                    if (i + 1 >= args.size()) {
                        errors.add(file + " line " + lineNumber + ": Match " + name + " needs an argument; fix "
                                + "the line (OpenSSH refuses it too).");
                        return new MatchGuard(List.of(new Criterion("never", false, List.of())));
                    }
                    patterns = List.of(args.get(++i).split(","));
                }
                if (!Set.of("all", "canonical", "final", "host", "originalhost", "user", "localuser")
                        .contains(name)) {
                    warnings.add(file + " line " + lineNumber + ": Match " + name + " cannot be evaluated by "
                            + "Tern; hosts the block might set the address, port, user, jump host, keys or host "
                            + "key checks of are refused");
                }
                criteria.add(new Criterion(name, negated, patterns));
            }
            return new MatchGuard(criteria);
        }

        private void include(List<String> args, List<Guard> guards, int depth, Path file, int lineNumber,
                             Path includeBase) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                warnings.add(file + " line " + lineNumber + ": Include nested too deeply; ignored");
                return;
            }
            for (String arg : args) {
                Path pattern;
                try {
                    pattern = ConnectSpecResolver.expandHome(arg, sshDir.getParent());
                    if (!pattern.isAbsolute()) {
                        pattern = includeBase.resolve(pattern);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    warnings.add(file + " line " + lineNumber + ": Include of an invalid path; ignored");
                    continue;
                }
                for (Path match : glob(pattern, file, lineNumber)) {
                    parseFile(match, guards, depth + 1, includeBase);
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
