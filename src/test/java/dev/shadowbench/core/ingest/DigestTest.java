package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestTest {
    @TempDir
    Path dir;

    long lines(String text) throws Exception {
        return LogImporter.digest(Files.writeString(dir.resolve("f.txt"), text)).lines();
    }

    @Test
    void countsLinesLikeDuckDbReadsThem() throws Exception {
        assertEquals(3, lines("a\nb\nc\n"));
        assertEquals(3, lines("a\nb\nc")); // last line without newline
        assertEquals(4, lines("a\r\n\r\nb\r\nc")); // CRLF, one empty line
        assertEquals(0, lines(""));
        // more than one 8-byte word, newlines at every offset, bytes with the high bit set around them
        String s = "é\n\u00ff\n" + "x".repeat(13) + "\n\n" + "ü".repeat(9) + "\n";
        assertEquals(5, lines(s));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.append("k".repeat(i % 17)).append('\n');
        assertEquals(3000, lines(sb.toString()));
    }

    @Test
    void hashIsSha256OfTheBytes() throws Exception {
        // printf 'abc' | sha256sum
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                LogImporter.hash(Files.writeString(dir.resolve("abc"), "abc")));
    }
}
