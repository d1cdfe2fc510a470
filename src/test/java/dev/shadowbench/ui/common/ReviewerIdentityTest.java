package dev.shadowbench.ui.common;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.decisions.DecisionsViewModel;
import dev.shadowbench.ui.outliers.OutliersViewModel;
import dev.shadowbench.ui.sample.SampleViewModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reviewer for the whole window (issue 20, item 6): asked once, remembered, and recorded by every screen. */
class ReviewerIdentityTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void askedOnFirstStartOnlyAndRememberedAcrossStarts() throws Exception {
        DecisionsFixture fx = new DecisionsFixture(dir);
        assertEquals(System.getProperty("user.name"), fx.main.reviewer(), "the login until a name is set");
        fx.reviewerAnswer = "Ana Díaz ";
        runFx(fx.main::askReviewerIfUnknown);
        runFx(fx.main::askReviewerIfUnknown);
        assertEquals(1, fx.reviewerAsked, "asked on the first start only");
        assertEquals("Ana Díaz", fx.main.reviewer());
        fx.main.home().flush();

        DecisionsFixture again = new DecisionsFixture(dir);
        assertEquals("Ana Díaz", again.main.reviewer(), "remembered in the settings");
        runFx(again.main::askReviewerIfUnknown);
        assertEquals(0, again.reviewerAsked);

        again.reviewerAnswer = null; // declining the change keeps the name
        runFx(again.main::askReviewer);
        assertEquals("Ana Díaz", again.main.reviewer());
        runFx(fx.main::shutdown);
        runFx(again.main::shutdown);
    }

    @Test
    void theOlderDecisionsOnlySettingIsTheReviewer() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        home.saveSetting("decide.reviewer", "bo");
        home.flush();
        assertEquals("bo", new AppHome(dir.resolve("home")).reviewer().orElseThrow());
        home.rememberReviewer("ana");
        assertEquals("ana", home.reviewer().orElseThrow());
        assertFalse(home.setting("decide.reviewer").isPresent(), "one name, not two");
    }

    @Test
    void verdictsDismissalsAndDecisionsRecordTheOneName() throws Exception {
        Path file = DecisionsFixture.workspace(
                dir, new SyntheticLogs.Options(600, 11, 1, LocalDate.of(2026, 11, 20), false, 0.4, 0.05));
        DecisionsFixture fx = new DecisionsFixture(dir);
        runFx(() -> fx.main.setReviewer("ana"));
        SampleViewModel sample = onFx(() -> new SampleViewModel(fx.main));
        OutliersViewModel outliers = onFx(() -> new OutliersViewModel(fx.main));
        DecisionsViewModel decisions = onFx(() -> new DecisionsViewModel(fx.main, SummarySources.standard()));
        runFx(() -> fx.main.open(file));
        runFx(outliers::start);
        until("sample drawn", () -> !sample.pairs().isEmpty());
        until("outliers listed", () -> !outliers.rows().isEmpty());
        until("gates", () -> decisions.assessmentProperty().get() != null);
        assertEquals("ana", decisions.reviewerProperty().get(), "the form shows the window's reviewer");

        runFx(() -> sample.mark(sample.pairs().get(0), PairVerdict.OK, null));
        until("verdict saved", () -> sample.pairs().get(0).verdict() != null);
        runFx(() -> outliers.dismiss(outliers.rows().get(0), "known pattern"));
        until("dismissed", () -> count(fx, "SELECT count(*) FROM outlier_dismissals") == 1);
        runFx(() -> {
            decisions.decisionProperty().set(DecisionType.HOLD);
            decisions.record();
        });
        until("decided", () -> decisions.history().size() == 1);

        assertEquals("ana", decisions.history().get(0).reviewer());
        assertEquals(1, count(fx, "SELECT count(*) FROM review_verdicts WHERE reviewer = 'ana'"));
        assertEquals(1, count(fx, "SELECT count(*) FROM outlier_dismissals WHERE reviewer = 'ana'"));
        assertEquals(java.util.List.of(), fx.errors);
        runFx(fx.main::shutdown);
    }

    private static long count(DecisionsFixture fx, String sql) throws Exception {
        try (Connection c = fx.main.workspace().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
