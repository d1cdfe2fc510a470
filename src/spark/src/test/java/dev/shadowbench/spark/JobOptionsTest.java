package dev.shadowbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
    @Test
    void readsEveryOption() {
        JobOptions o = JobOptions.parse(
                "--logs",
                "/lake/day=*/variant=*",
                "--logs",
                "/more",
                "--format",
                "Parquet",
                "--mapping",
                "m.json",
                "--baseline",
                "live/ridge/*",
                "--candidate=shadow",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-21",
                "--labels",
                "/labels/*.csv",
                "--seed",
                "7",
                "--out",
                "/x",
                "--master",
                "local[2]");
        assertEquals(List.of("/lake/day=*/variant=*", "/more"), o.logs());
        assertEquals("parquet", o.format());
        assertEquals(new JobOptions.Side("live", "ridge", null), o.baseline());
        assertEquals(new JobOptions.Side("shadow", null, null), o.candidate());
        assertEquals(LocalDate.of(2026, 11, 21), o.to());
        assertEquals(7, o.seed());
        assertEquals("local[2]", o.master());
    }

    @Test
    void seedDefaultsToTheDesksAndFormatIsGuessedLater() {
        JobOptions o = JobOptions.parse("--logs", "x", "--baseline", "live", "--candidate", "shadow", "--out", "o");
        assertEquals(JobOptions.DEFAULT_SEED, o.seed());
        assertEquals(7, o.precision());
        assertEquals(
                5,
                JobOptions.parse("--logs", "x", "--baseline", "a", "--candidate", "b", "--out", "o", "--precision", "5")
                        .precision());
        assertNull(o.format());
        assertNull(o.from());
    }

    @Test
    void refusesWhatCannotRun() {
        assertThrows(JobOptions.BadOptionException.class, () -> JobOptions.parse("--logs", "x", "--out", "o"));
        assertThrows(
                JobOptions.BadOptionException.class,
                () -> JobOptions.parse(
                        "--logs", "x", "--baseline", "a", "--candidate", "b", "--out", "o", "--format", "xml"));
        var e = assertThrows(
                JobOptions.BadOptionException.class,
                () -> JobOptions.parse(
                        "--logs",
                        "x",
                        "--baseline",
                        "a",
                        "--candidate",
                        "b",
                        "--out",
                        "o",
                        "--from",
                        "2026-11-22",
                        "--to",
                        "2026-11-21"));
        assertTrue(e.getMessage().contains("before"), e.getMessage());
        assertThrows(
                JobOptions.BadOptionException.class,
                () -> JobOptions.parse(
                        "--logs", "x", "--baseline", "a", "--candidate", "b", "--out", "o", "--precision", "0"));
        assertThrows(
                JobOptions.BadOptionException.class,
                () -> JobOptions.parse("--logs", "x", "--baseline", "a/b", "--candidate", "b", "--out", "o"));
    }
}
