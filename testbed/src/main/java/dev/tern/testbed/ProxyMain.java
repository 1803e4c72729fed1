package dev.tern.testbed;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The impairment proxy as a program, for the benchmark scripts:
 * {@code java -cp tern-testbed.jar dev.tern.testbed.ProxyMain SERVER_PORT DELAY_MS [LOSS] [SECONDS]}.
 * Prints the port to point the client at, then runs until killed or for SECONDS (default 600).
 */
public final class ProxyMain {
    private ProxyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: ProxyMain SERVER_PORT DELAY_MS_ONE_WAY [LOSS_0_TO_1] [SECONDS]");
            System.exit(2);
        }
        int serverPort = Integer.parseInt(args[0]);
        long delayMs = Long.parseLong(args[1]);
        double loss = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        long seconds = args.length > 3 ? Long.parseLong(args[3]) : 600;
        try (UdpImpairmentProxy proxy = UdpImpairmentProxy.start(new InetSocketAddress("127.0.0.1", serverPort),
                1)) {
            proxy.setDelay(Duration.ofMillis(delayMs), Duration.ZERO);
            proxy.setLoss(loss, loss);
            System.out.println(proxy.listenAddress().getPort());
            System.out.flush();
            Thread.sleep(Duration.ofSeconds(seconds));
        }
    }
}
