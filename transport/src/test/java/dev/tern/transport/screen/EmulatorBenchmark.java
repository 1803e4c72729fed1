package dev.tern.transport.screen;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the emulator's throughput on 1 MiB of program output (80×24, as mosh-server's own emulator would run it;
 * MB/s = 1000 / the reported ms per operation), a snapshot of a full 200×50 screen, and the client-role renderer
 * for a full-screen change of 200×50. Run with {@code scripts/bench-screen.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class EmulatorBenchmark {
    private static final int MIB = 1 << 20;

    @Param({"ascii", "sgr", "cjk"})
    public String workload;

    private byte[] output;
    private Emulator wide;
    private Framebuffer before;
    private Framebuffer after;
    private final FrameRenderer renderer = FrameRenderer.clientRole();

    @Setup
    public void setUp() {
        output = switch (workload) {
            case "ascii" -> ScreenWorkloads.plainLines(MIB);
            case "sgr" -> ScreenWorkloads.sgrHeavy(MIB);
            case "cjk" -> ScreenWorkloads.cjk(MIB);
            default -> throw new IllegalArgumentException(workload);
        };
        wide = new Emulator(200, 50);
        wide.write(ScreenWorkloads.sgrHeavy(64 * 1024));
        before = wide.snapshot();
        Emulator other = new Emulator(200, 50);
        other.write(ScreenWorkloads.cjk(64 * 1024));
        after = other.snapshot();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Framebuffer writeOneMebibyte() {
        Emulator emulator = new Emulator(80, 24);
        emulator.write(output);
        return emulator.framebuffer();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Framebuffer snapshot200x50() {
        return wide.snapshot();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String renderFullScreenChange200x50() {
        return renderer.bytesFor(true, before, after);
    }
}
