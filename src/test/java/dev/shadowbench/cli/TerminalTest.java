package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.review.SampleCsv;
import dev.shadowbench.core.review.SamplePair;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19 case 8: the printing edge shows control characters instead of letting the terminal run them. */
class TerminalTest {
    @Test
    void controlCharactersBecomeVisible() {
        assertEquals("\\e[31mred\\e[0m", Terminal.line("\u001b[31mred\u001b[0m"));
        assertEquals("a\\rb\\tc\\u0007\\u009b", Terminal.line("a\rb\tc\u0007\u009b"));
        assertEquals("a\\nb", Terminal.line("a\nb"));
        assertEquals("a\nb\\e", Terminal.safe("a\nb\u001b"), "safe keeps a message's line breaks");
        assertEquals("abc \\u202egnp.exe", Terminal.line("abc \u202egnp.exe"), "bidi override shown");
        assertEquals("plain ünïcode", Terminal.line("plain ünïcode"));
    }

    @Test
    void theSampleOnStandardOutputShowsANotesEscapesAndStaysOneRowPerPair() throws Exception {
        SamplePair p = new SamplePair(
                "\u001b]0;owned\u0007id",
                null,
                "seg",
                1.0,
                2.0,
                null,
                null,
                1.0,
                null,
                null,
                null,
                false,
                "wrong",
                "looks\u001b[2J off\nsecond line");
        StringWriter w = new StringWriter();
        SampleCsv.write(List.of(p), w, Terminal::line);
        String csv = w.toString();
        assertFalse(csv.contains("\u001b") || csv.contains("\u0007"), csv);
        assertEquals(2, csv.split("\r\n").length, csv);
        assertTrue(csv.contains("looks\\e[2J off\\nsecond line"), csv);
    }
}
