package dev.shadowbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.baseline.FirstModelFixtures.Expected;
import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of synthetic baseline answers what numpy computes on the same labels (baseline_fixtures.py). */
class SyntheticBaselineTest {
    private static final Side SHADOW = Side.variant("shadow");
    private static final LocalDate D18 = LocalDate.of(2026, 11, 18), D19 = LocalDate.of(2026, 11, 19);
    private static Map<String, Expected> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        expected = FirstModelFixtures.expected();
    }

    private static BaselineRecipe build(Workspace ws, BaselineRequest r) throws Exception {
        try (Connection c = ws.connect()) {
            return SyntheticBaselines.build(c, r, ProgressSink.NONE);
        }
    }

    private static BaselineRequest request(String name, BaselineKind kind, String value, Integer n, boolean early) {
        return new BaselineRequest(name, SHADOW, kind, value, n, early ? D18 : null, early ? D19 : null);
    }

    /** The baseline's answers: distinct values of each column, and how many rows it wrote. */
    private static List<Object[]> answers(Workspace ws, String name) {
        return ws.read(c -> new Db(c, ProgressSink.NONE)
                .rows(
                        "SELECT count(*), count(DISTINCT prediction), any_value(prediction), any_value(predicted_class), "
                                + "CAST(any_value(ranking) AS VARCHAR), count(DISTINCT request_id), "
                                + "count(*) FILTER (request_id IN (SELECT request_id FROM predictions WHERE variant = 'shadow')) "
                                + "FROM predictions WHERE variant = ?",
                        name));
    }

    @Test
    void meanAndMedianOfTheLabelsMatchNumpy() throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, "regression")) {
            for (String kind : List.of("mean", "median")) {
                for (boolean early : List.of(false, true)) {
                    String name = kind + (early ? "-early" : "");
                    BaselineRecipe r = build(ws, request(name, BaselineKind.parse(kind), null, null, early));
                    Expected e = expected.get("regression/" + kind + "/" + (early ? "2026-11-18..2026-11-19" : "all"));
                    assertEquals(e.number(), Double.parseDouble(r.answer()), 1e-12, name);
                    assertEquals(e.n(), r.fittedOn(), name);
                    Object[] a = answers(ws, name).get(0);
                    assertEquals(240L, Db.lng(a[0]), "one row per request the candidate answered");
                    assertEquals(1L, Db.lng(a[1]));
                    assertEquals(e.number(), Db.dbl(a[2]), 1e-12);
                    assertEquals(240L, Db.lng(a[6]), "every row answers one of the candidate's requests");
                    assertEquals("regression", r.task());
                    assertEquals(240, r.answered());
                }
            }
            BaselineRecipe early =
                    BaselineRecipe.of(new Db(ws.connect(), ProgressSink.NONE), Side.variant("median-early"));
            assertEquals("median 36.9, from 107 labels of 2026-11-18..19", early.description());
        }
    }

    @Test
    void majorityClassMatchesNumpy() throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, "classification")) {
            for (boolean early : List.of(false, true)) {
                String name = early ? "majority-early" : "majority";
                BaselineRecipe r = build(ws, request(name, BaselineKind.MAJORITY, null, null, early));
                Expected e = expected.get("classification/majority/" + (early ? "2026-11-18..2026-11-19" : "all"));
                assertEquals(e.value(), r.answer());
                assertEquals(e.n(), r.fittedOn());
                Object[] a = answers(ws, name).get(0);
                assertEquals(e.value(), a[3]);
                assertNull(a[2], "a class baseline gives no score");
            }
            assertEquals(
                    "majority class 0, from 137 labels",
                    BaselineRecipe.of(new Db(ws.connect(), ProgressSink.NONE), Side.variant("majority"))
                            .description());
        }
    }

    @Test
    void topNByClickFrequencyMatchesNumpy() throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, "ranking")) {
            BaselineRecipe ten = build(ws, request("top10", BaselineKind.TOP_N, null, null, false));
            Expected e = expected.get("ranking/top-n/all");
            assertEquals(List.of(e.value().split("\\|")), ten.items());
            assertEquals(10, ten.topN());
            assertEquals(e.n(), ten.fittedOn(), "clicks = distinct (request, item)");
            BaselineRecipe five = build(ws, request("top5", BaselineKind.TOP_N, null, 5, false));
            assertEquals(List.of(expected.get("ranking/top-5/all").value().split("\\|")), five.items());
            BaselineRecipe early = build(ws, request("top5-early", BaselineKind.TOP_N, null, 5, true));
            Expected ee = expected.get("ranking/top-5/2026-11-18..2026-11-19");
            assertEquals(List.of(ee.value().split("\\|")), early.items());
            assertEquals(ee.n(), early.fittedOn());
            Object[] a = answers(ws, "top5").get(0);
            assertEquals("[" + String.join(", ", five.items()) + "]", a[4]);
        }
    }

    @Test
    void aConstantAnswersTheUsersValueForEachTask() throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, "regression")) {
            BaselineRecipe r = build(ws, request("forty", BaselineKind.CONSTANT, "40", null, false));
            assertEquals(40.0, Db.dbl(answers(ws, "forty").get(0)[2]));
            assertEquals("constant 40, given by the user", r.description());
            assertNull(r.fittedOn());
            BadInputException bad = assertThrows(
                    BadInputException.class,
                    () -> build(ws, request("x", BaselineKind.CONSTANT, "forty", null, false)));
            assertTrue(bad.getMessage().contains("not a finite number"), bad.getMessage());
            BadInputException wrongKind = assertThrows(
                    BadInputException.class, () -> build(ws, request("x", BaselineKind.MAJORITY, null, null, false)));
            assertTrue(wrongKind.getMessage().contains("regression"), wrongKind.getMessage());
        }
        try (Workspace ws = FirstModelFixtures.workspace(dir, "ranking")) {
            BaselineRecipe r = build(ws, request("fixed", BaselineKind.CONSTANT, "item-03, item-01", null, false));
            assertEquals(List.of("item-03", "item-01"), r.items());
        }
    }

    @Test
    void aRebuildReplacesTheBaselineAndAFailedOneKeepsThePrevious() throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, "regression")) {
            build(ws, request("baseline", BaselineKind.MEAN, null, null, false));
            BaselineRecipe median = build(ws, request("baseline", BaselineKind.MEDIAN, null, null, false));
            assertEquals("median", median.kind());
            Object[] a = answers(ws, "baseline").get(0);
            assertEquals(240L, Db.lng(a[0]), "the mean's rows are gone");
            assertEquals(expected.get("regression/median/all").number(), Db.dbl(a[2]), 1e-12);
            long imports = ws.read(c -> Db.lng(
                    new Db(c, ProgressSink.NONE).row("SELECT count(*) FROM imports WHERE kind = 'baseline'")[0]));
            assertEquals(1, imports, "one import record per baseline");
            // no labels in the fitting period: the build fails and the median stays
            assertThrows(
                    BadInputException.class,
                    () -> build(
                            ws,
                            new BaselineRequest(
                                    "baseline",
                                    SHADOW,
                                    BaselineKind.MEAN,
                                    null,
                                    null,
                                    LocalDate.of(2020, 1, 1),
                                    LocalDate.of(2020, 1, 2))));
            assertEquals(
                    expected.get("regression/median/all").number(),
                    Db.dbl(answers(ws, "baseline").get(0)[2]),
                    1e-12);
            assertThrows(
                    BadInputException.class,
                    () -> build(ws, request("shadow", BaselineKind.MEAN, null, null, false)),
                    "the candidate's own variant");
        }
    }
}
