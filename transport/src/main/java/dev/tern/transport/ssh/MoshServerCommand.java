package dev.tern.transport.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * The remote command line that starts mosh-server:
 * {@code mosh-server 'new' '-s' '-c' '256' '-l' 'LANG=C.UTF-8' ['-p' 'P[:Q]'] ['--' 'cmd' ...]}. Every argument is
 * single-quoted for the remote shell; the server command is not, so it may carry words of its own.
 */
final class MoshServerCommand {
    private MoshServerCommand() {
    }

    static String build(MoshServerOptions options, String locale) {
        List<String> args = new ArrayList<>(List.of("new"));
        String bind = options.bindAddress().map(String::strip).orElse("");
        if (bind.isEmpty()) {
            args.add("-s");
        } else if (!bind.equalsIgnoreCase("any")) {
            args.add("-i");
            args.add(bind);
        }
        args.add("-c");
        args.add(Integer.toString(options.colors()));
        args.add("-l");
        args.add("LANG=" + locale);
        options.serverPorts().ifPresent(range -> {
            args.add("-p");
            args.add(range.argument());
        });
        if (!options.command().isEmpty()) {
            args.add("--");
            args.addAll(options.command());
        }
        StringBuilder line = new StringBuilder();
        options.networkTimeout().ifPresent(timeout -> line.append("env MOSH_SERVER_NETWORK_TMOUT=")
                .append(Math.max(1, timeout.toSeconds())).append(' '));
        line.append(options.serverCommand().strip());
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        return line.toString();
    }

    /** POSIX shell single quoting: {@code '} becomes {@code '\''}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
