package dev.tern.transport.crypto;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Seal and open of one datagram (AES-128-OCB, Bouncy Castle). Run with scripts/bench-transport.sh. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DatagramCipherBenchmark {
    /** A keystroke-sized plaintext and a full fragment. */
    @Param({"40", "1228"})
    public int plaintextBytes;

    private DatagramCipher cipher;
    private byte[] plaintext;
    private byte[] sealed;
    private long sequence;

    @Setup
    public void setUp() {
        cipher = new DatagramCipher(SessionKey.parse("v5xfKgL1TrRcJ7VgiCiU4g"));
        plaintext = new byte[plaintextBytes];
        new Random(1).nextBytes(plaintext);
        sealed = cipher.seal(new Nonce(Direction.TO_CLIENT, 1), plaintext);
    }

    @Benchmark
    public byte[] seal() {
        return cipher.seal(new Nonce(Direction.TO_SERVER, sequence++ & Nonce.MAX_SEQUENCE), plaintext);
    }

    @Benchmark
    public OpenedDatagram open() throws DatagramAuthenticationException {
        return cipher.open(sealed, sealed.length);
    }
}
