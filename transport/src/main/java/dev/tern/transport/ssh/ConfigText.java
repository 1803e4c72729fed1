package dev.tern.transport.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of the files OpenSSH reads as bytes (ssh_config, known_hosts): UTF-8 where it is UTF-8, and a replacement
 * character for each byte that is not, so one stray Latin-1 byte spoils a character, never the whole file.
 */
public final class ConfigText {
    static final char REPLACEMENT = '\uFFFD';

    private ConfigText() {
    }

    /** A config file's text, read as OpenSSH reads it. */
    public static String read(java.nio.file.Path file) throws java.io.IOException {
        return decode(java.nio.file.Files.readAllBytes(file));
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(REPLACEMENT))
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException cannotHappen) {
            throw new IllegalStateException("a replacing decoder reports no errors", cannotHappen);
        }
    }
}
