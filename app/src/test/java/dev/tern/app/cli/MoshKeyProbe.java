package dev.tern.app.cli;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run as its own process with {@code MOSH_KEY} set ({@link MoshKeyTest}): runs {@code tern --attach} (which takes
 * the key and then stops, stdin being no terminal), then starts children in each way Java passes an environment
 * on, and prints what each child saw, one labelled block per child.
 */
final class MoshKeyProbe {
    private MoshKeyProbe() {
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(said, true, StandardCharsets.UTF_8);
        int status = TernCli.run(new String[] {"--attach", "127.0.0.1", "9"}, captured, captured);
        System.out.println("tern exited " + status + ": " + said.toString(StandardCharsets.UTF_8).strip());

        // untouched environment: the child inherits the C library's environment
        System.out.println("== plain ProcessBuilder\n" + output(new ProcessBuilder("env").start()));

        // an edited environment: Java's own copy of the environment is handed on (JLine's helpers do this)
        ProcessBuilder edited = new ProcessBuilder("env");
        edited.environment().put("TERN_PROBE", "1");
        System.out.println("== edited ProcessBuilder\n" + output(edited.start()));

        // a map made from System.getenv(), as a pty-spawned shell gets it
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "dumb");
        PtyProcess pty = new PtyProcessBuilder(new String[] {"env"}).setEnvironment(env).start();
        System.out.println("== pty4j\n" + output(pty));

        // what a running child's /proc/<pid>/environ holds
        ProcessBuilder sleeper = new ProcessBuilder("sleep", "10");
        sleeper.environment().put("TERN_PROBE", "1");
        Process sleeping = sleeper.start();
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(sleeping.pid()), "environ"));
            System.out.println("== /proc environ\n" + new String(environ, StandardCharsets.UTF_8).replace('\0', '\n'));
        } finally {
            sleeping.destroyForcibly();
        }
        System.out.println("== System.getenv\n" + System.getenv(MoshKeyVariable.NAME));
    }

    private static String output(Process process) throws IOException, InterruptedException {
        try (InputStream in = process.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        }
    }
}
