package dev.tern.transport.screen;

import java.util.List;
import java.util.Random;

/**
 * Scripted program output for the differential test against the official mosh: what {@code ls --color}, a
 * pager, an editor and a full-screen TUI send, CJK/emoji/combining text, scroll regions and a seeded torture
 * script. Newlines are written as CR LF, as a terminal's line discipline would deliver them.
 */
final class ScreenCorpus {
    record Program(String name, int columns, int rows, String output) {
        @Override
        public String toString() {
            return name + " (" + columns + "x" + rows + ")";
        }
    }

    private ScreenCorpus() {
    }

    static List<Program> all() {
        return List.of(colouredLs(), cjkEmojiAndCombining(), scrollRegions(), pager(), editor(), fullScreenTui(),
                torture(20261125L), torture(42L));
    }

    static Program colouredLs() {
        StringBuilder sb = new StringBuilder("$ ls -l --color\r\n");
        String[] colours = {"01;34", "01;32", "00", "01;36", "40;31;01", "38;5;208", "38;2;255;128;0", "01;35", "04;33"};
        for (int i = 0; i < 60; i++) {
            sb.append("-rw-r--r-- 1 user user ").append(1000 + i * 37).append(" Nov 25 ")
                    .append("\033[").append(colours[i % colours.length]).append('m').append("file-").append(i)
                    .append(i % 4 == 0 ? ".tar.gz" : ".txt").append("\033[0m\r\n");
        }
        sb.append("\033[48;5;22m\033[97m total 60 \033[0m\033[K\r\n$ ");
        return new Program("coloured ls", 50, 12, sb.toString());
    }

    static Program cjkEmojiAndCombining() {
        String text = "日本語のテキストと한국어、中文、emoji 😀🎉👍 and e\u0301 a\u0308 n\u0303, "
                + "\u0301 leading mark, ❤\ufe0f heart, ＦＵＬＬ width, क्षत्रिय, ไทย ภาษา\r\n";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append("\033[3").append(1 + i % 6).append('m').append(text.substring(i)).append("\033[0m");
        }
        sb.append("1234567890123456789中中中中中中\r\n\u0301\u0302x\r\nend");
        return new Program("CJK, emoji, combining", 31, 14, sb.toString());
    }

    static Program scrollRegions() {
        StringBuilder sb = new StringBuilder("\033[2J\033[Htitle line\033[20;1Hstatus line");
        sb.append("\033[2;19r\033[19;1H");
        for (int i = 0; i < 40; i++) {
            sb.append("\r\nregion line ").append(i);
        }
        sb.append("\033[2;1H\033M\033Mreverse-indexed\033[5;1H\033[3Linserted\033[10;1H\033[2Mdeleted-2");
        sb.append("\033[4S\033[2T\033[r\033[21;1H\033[44mbelow region\033[0m\033[1;30H\033[1@X\033[3P");
        return new Program("scroll regions", 40, 22, sb.toString());
    }

    static Program pager() {
        StringBuilder sb = new StringBuilder("\033[?1049h\033[?1h\033=\033[H\033[2J");
        for (int page = 0; page < 3; page++) {
            sb.append("\033[H");
            for (int i = 0; i < 15; i++) {
                sb.append("Line ").append(page * 15 + i).append(" of a long document with some words in it\033[K\r\n");
            }
            sb.append("\033[7m:\033[27m\033[K");
            // scrolling forward one line the way less does: reverse index at top for backward, LF at bottom
            sb.append("\r\033[K\033[15;1H\r\nextra line ").append(page).append("\033[K\r\n\033[7m(END)\033[27m");
        }
        sb.append("\033[16;1H\033[?1049l\033[?1l\033>");
        return new Program("pager", 60, 16, sb.toString());
    }

    static Program editor() {
        StringBuilder sb = new StringBuilder("\033[?1049h\033[22;0;0t\033[1;24r\033[?12h\033[?12l\033[27m\033[23m\033[29m\033[m\033[H\033[2J");
        for (int i = 1; i <= 22; i++) {
            sb.append("\033[").append(i).append(";1H");
            sb.append(i < 10 ? "\033[33m  " + i + " \033[m" : "\033[94m~\033[m");
            if (i < 10) sb.append("int value").append(i).append(" = compute(").append(i).append(");");
        }
        sb.append("\033[24;1H\"Main.java\" 9L, 240B\033[2;5H");
        // edit: insert a line, delete chars, change a word with insert mode, show -- INSERT --
        sb.append("\033[3;1H\033[L\033[33m  + \033[mnew line inserted\033[5;9H\033[3P\033[4h\033[1mXYZ\033[m\033[4l");
        sb.append("\033[24;1H\033[K\033[1m-- INSERT --\033[m\033[6;10H\033[1;23r\033[23;1H\n\033[1;24r\033[7;1Hlast edit");
        return new Program("editor", 70, 24, sb.toString());
    }

    static Program fullScreenTui() {
        StringBuilder sb = new StringBuilder("\033[?25l\033[H\033[2J\033[44;37m");
        for (int y = 1; y <= 18; y++) {
            sb.append("\033[").append(y).append(";1H\033[K");
        }
        sb.append("\033[1;1H┌").append("─".repeat(48)).append("┐");
        for (int y = 2; y < 17; y++) {
            sb.append("\033[").append(y).append(";1H│\033[").append(y).append(";50H│");
        }
        sb.append("\033[17;1H└").append("─".repeat(48)).append("┘");
        sb.append("\033[0m\033[3;3H\033[1;33;44m CPU \033[0;44m ").append("█".repeat(20)).append("░".repeat(10));
        sb.append("\033[5;3H\033[30;47m PID  USER   %CPU \033[0;37;44m");
        for (int i = 0; i < 8; i++) {
            sb.append("\033[").append(6 + i).append(";3H").append(1000 + i).append("  root   ").append(i * 3).append(".0");
        }
        sb.append("\033[8;3H\033[7m").append("1002  root   6.0").append("\033[27m\033[18;1H\033[0m\033[38;2;10;200;30mF1\033[0mHelp");
        sb.append("\033[38;5;196mF10\033[0mQuit\033[?25h\033[10;10H");
        return new Program("full-screen TUI", 50, 18, sb.toString());
    }

    /** A seeded torture script over mosh's repertoire, avoiding only what mosh's protocol itself cannot carry. */
    static Program torture(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        String[] csi = {"@", "A", "B", "C", "D", "G", "H", "J", "K", "L", "M", "P", "S", "T", "X", "d", "f", "`", "E",
                "I", "Z", "g"};
        for (int i = 0; i < 600; i++) {
            switch (r.nextInt(14)) {
                case 0, 1, 2 -> {
                    for (int k = r.nextInt(20); k > 0; k--) sb.append((char) (0x21 + r.nextInt(0x5E)));
                }
                case 3 -> sb.append("\033[").append(r.nextInt(8)).append(';').append(r.nextInt(30))
                        .append(csi[r.nextInt(csi.length)]);
                case 4 -> sb.append("\033[").append(r.nextInt(2) == 0 ? "3" : "4").append(r.nextInt(8))
                        .append(r.nextBoolean() ? ";1" : ";4").append('m');
                case 5 -> sb.append("\033[38;5;").append(r.nextInt(256)).append(";48;2;").append(r.nextInt(256))
                        .append(";7;").append(r.nextInt(256)).append('m');
                case 6 -> sb.append(new String[]{"\r\n", "\n", "\r", "\b", "\t", "\033D", "\033M", "\033E"}[r.nextInt(8)]);
                case 7 -> sb.append("\033[0m");
                case 8 -> sb.append("\033[").append(1 + r.nextInt(10)).append(';').append(4 + r.nextInt(12)).append('r');
                case 9 -> sb.append("\0337").append("\033[").append(1 + r.nextInt(12)).append(';')
                        .append(1 + r.nextInt(30)).append('H').append("saved").append("\0338");
                case 10 -> sb.append("\033[?5").append(r.nextBoolean() ? 'h' : 'l');
                case 11 -> sb.append("é ü ñ ç");
                case 12 -> sb.append("\033[r");
                default -> sb.append("\033[").append(r.nextInt(3)).append('K');
            }
        }
        sb.append("\033[r\033[?5l");
        return new Program("torture " + seed, 30, 12, sb.toString());
    }
}
