package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window a comparison opens on follows its candidate's days where the baseline's others are another stage's. */
class DefaultWindowTest {
    static final LocalDate D20 = LocalDate.of(2026, 11, 20);

    static NavigableSet<LocalDate> days(int first, int last) {
        TreeSet<LocalDate> s = new TreeSet<>();
        IntStream.rangeClosed(first, last).forEach(d -> s.add(D20.plusDays(d)));
        return s;
    }

    static Comparison cmp(String candidate) {
        return new Comparison(Side.variant("live"), Side.variant(candidate), null, null);
    }

    @Test
    void aShadowPeriodThenACanaryRampSplitsAtTheStages() {
        // live on every day but the 100% one, shadow the first three days, canary the four after
        Map<String, NavigableSet<LocalDate>> d = Map.of("live", days(0, 5), "shadow", days(0, 2), "canary", days(3, 6));
        assertEquals(
                new Comparison(Side.variant("live"), Side.variant("shadow"), null, D20.plusDays(2)),
                DefaultWindow.follow(cmp("shadow"), d),
                "the live-only requests of the canary days stay out of the shadow's pairing");
        assertEquals(
                new Comparison(Side.variant("live"), Side.variant("canary"), D20.plusDays(3), null),
                DefaultWindow.follow(cmp("canary"), d),
                "the canary opens on its ramp, the end open for the days to come");
    }

    @Test
    void aShadowThatStoppedLoggingIsNotHidden() {
        // no other variant served the live-only last day: a broken shadow, its missing pairs stay in the window
        Map<String, NavigableSet<LocalDate>> d = Map.of("live", days(0, 3), "shadow", days(0, 2));
        assertEquals(cmp("shadow"), DefaultWindow.follow(cmp("shadow"), d));
        // and one stage day is not enough when another baseline day after the candidate has no other variant
        Map<String, NavigableSet<LocalDate>> partly =
                Map.of("live", days(0, 4), "shadow", days(0, 2), "canary", days(3, 3));
        assertEquals(cmp("shadow"), DefaultWindow.follow(cmp("shadow"), partly));
    }

    @Test
    void sidesOnTheSameDaysKeepTheOpenWindow() {
        Map<String, NavigableSet<LocalDate>> d = Map.of("live", days(0, 2), "shadow", days(0, 2));
        assertEquals(cmp("shadow"), DefaultWindow.follow(cmp("shadow"), d));
        assertEquals(cmp("shadow"), DefaultWindow.follow(cmp("shadow"), Map.of()));
        Comparison byVersion = new Comparison(Side.variant("live"), new Side(null, "gbr", "2"), null, null);
        assertEquals(byVersion, DefaultWindow.follow(byVersion, Map.of("live", days(0, 5))), "not a variant: as it is");
    }
}
