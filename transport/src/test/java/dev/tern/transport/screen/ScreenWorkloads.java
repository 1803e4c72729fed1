package dev.tern.transport.screen;

import java.nio.charset.StandardCharsets;

/** Program output of the kinds the screen benchmarks measure, generated (deterministic, no files). */
final class ScreenWorkloads {
    private ScreenWorkloads() {
    }

    static byte[] seqOutput(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 16);
        for (int i = 1; sb.length() < bytes; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] plainLines(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 128);
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("drwxr-xr-x  2 user group  4096 Nov 25 20:53 some-directory-name-").append(i).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sgrHeavy(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 128);
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("\033[0;1;3").append(i % 8).append("m").append("file").append(i)
                    .append("\033[0m  \033[38;5;").append(i % 256).append("mdir\033[0m \033[48;2;10;20;")
                    .append(i % 256).append("mx\033[m\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cjk(int bytes) {
        StringBuilder sb = new StringBuilder();
        String line = "漢字かなカナ한국어テキスト表示速度の測定用の行です中文字符\r\n";
        while (sb.length() * 3 < bytes) {
            sb.append(line);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
