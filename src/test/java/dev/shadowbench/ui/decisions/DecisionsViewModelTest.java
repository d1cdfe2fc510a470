package dev.shadowbench.ui.decisions;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.SmallWorkspace;
import dev.shadowbench.core.decide.Stage;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.decide.Tamper;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionsViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void gatesFormHistoryVerificationAndExport() throws Exception {
        Path file = SmallWorkspace.create(dir);
        ReviewSummary expected;
        try (Workspace ws = Workspace.open(file)) {
            expected = SmallWorkspace.review(ws);
        }
        DecisionsFixture fx = new DecisionsFixture(dir);
        DecisionsViewModel vm = onFx(() -> new DecisionsViewModel(fx.main, SummarySources.standard()));
        runFx(() -> fx.main.open(file));
        until("gates", () -> vm.assessmentProperty().get() != null);

        assertEquals(expected.verdict().gates(), vm.gates(), "the screen shows the real review's gates");
        assertEquals(0, expected.verdict().count(GateStatus.NO_DATA), "latency, labels and feedback are all recorded");
        assertEquals("Candidate: gbr 2.0.0-rc1 · shadow", vm.candidateProperty().get());
        String rec = expected.verdict().recommendation().id().toUpperCase(java.util.Locale.ROOT);
        assertTrue(
                vm.recommendationProperty().get().startsWith("Gates recommend: " + rec),
                vm.recommendationProperty().get());
        assertEquals(Stage.SHADOW, vm.stageProperty().get());
        assertEquals("0", vm.trafficSharePercentProperty().get());
        assertTrue(onFx(() -> vm.canRecord().get()), "the window always has a reviewer");

        fx.confirmAnswer = true; // advancing goes against the gates here: a reason and a yes
        runFx(() -> {
            fx.main.setReviewer("ana");
            vm.reasonProperty().set("routing check only");
            vm.decisionProperty().set(DecisionType.ADVANCE);
            vm.noteProperty().set("routing looks right");
            vm.record();
        });
        until("recorded", () -> vm.history().size() == 1 && vm.stageProperty().get() == Stage.CANARY_1);
        assertEquals("ana", fx.main.home().reviewer().orElseThrow(), "reviewer remembered");
        assertEquals("ana", vm.history().get(0).reviewer());
        assertEquals("", vm.noteProperty().get());
        assertEquals("1", vm.trafficSharePercentProperty().get(), "share follows the new stage");
        assertEquals("routing looks right", vm.history().get(0).note());
        assertEquals("shadow", vm.history().get(0).stage());
        assertTrue(vm.intactProperty().get());
        assertTrue(vm.verificationProperty().get().contains("chain intact"));

        Tamper.sql(fx.main.workspace(), "UPDATE decisions SET reviewer = 'mallory'");
        runFx(fx.main::refresh);
        until("tamper detected", () -> Boolean.FALSE.equals(vm.intactProperty().get()));
        assertTrue(
                vm.verificationProperty().get().contains("seq 1 was altered"),
                vm.verificationProperty().get());

        // the screen's record action refuses to extend a tampered log, with a readable message (issue 19, case 4)
        runFx(() -> {
            vm.noteProperty().set("launder it");
            vm.reasonProperty().set("launder it");
            vm.record();
        });
        until(
                "refused",
                () -> vm.messageProperty().get() != null
                        && vm.messageProperty().get().startsWith("Not recorded"));
        assertTrue(
                vm.messageProperty().get().contains("does not verify"),
                vm.messageProperty().get());
        assertEquals(1, vm.history().size(), "nothing appended");

        // the export never writes over the open workspace (issue 19, case 2)
        fx.saveAs = file;
        runFx(vm::exportReport);
        until("export refused", () -> !fx.errors.isEmpty());
        assertTrue(fx.errors.get(0).contains("Refusing to write over the open workspace"), fx.errors.toString());
        fx.errors.clear();

        fx.saveAs = dir.resolve("exported.md");
        runFx(vm::exportReport);
        until("report written", () -> Files.exists(fx.saveAs));
        String md = Files.readString(fx.saveAs);
        assertTrue(
                md.startsWith("# ") && md.contains("\n\nShadowbench decision report · ") && !md.startsWith("<"),
                "format follows the extension: " + md.substring(0, Math.min(200, md.length())));
        assertTrue(fx.errors.isEmpty(), fx.errors.toString());
        runFx(fx.main::shutdown);
    }

    @Test
    void goingAgainstTheGatesAsksForAReasonAndAConfirmationAndRecordsTheReason() throws Exception {
        Path file = SmallWorkspace.create(dir);
        DecisionsFixture fx = new DecisionsFixture(dir);
        DecisionsViewModel vm = onFx(() -> new DecisionsViewModel(fx.main, SummarySources.standard()));
        runFx(() -> fx.main.open(file));
        until("gates", () -> vm.assessmentProperty().get() != null);
        var rec = vm.assessmentProperty().get().verdict().recommendation();
        assertNotEquals(Recommendation.PROMOTE, rec, "the small workspace's gates do not promote; the test does");
        String recText = rec.id().toUpperCase(java.util.Locale.ROOT);

        // the evidence beside the form
        assertTrue(
                vm.gatesEvidenceProperty().get().matches("\\d+ of 9 gates pass · \\d+ fail.*"),
                vm.gatesEvidenceProperty().get());
        assertEquals("No sampled pair reviewed yet", vm.sampleEvidenceProperty().get());
        assertTrue(
                vm.flagsEvidenceProperty().get().matches("[\\d,]+ outlier flags open, 0 dismissed"),
                vm.flagsEvidenceProperty().get());

        runFx(() -> vm.decisionProperty().set(DecisionType.HOLD));
        assertFalse(onFx(() -> vm.againstProperty().get()), "holding never goes against the gates");
        runFx(() -> vm.decisionProperty().set(DecisionType.PROMOTE));
        assertTrue(onFx(() -> vm.againstProperty().get()));

        // no reason: refused before any question
        runFx(vm::record);
        assertTrue(
                vm.messageProperty().get().contains("needs a reason"),
                vm.messageProperty().get());
        assertTrue(fx.confirmations.isEmpty());

        // a reason, not confirmed: nothing recorded
        runFx(() -> {
            vm.reasonProperty().set("the p99 gate measures a cold cache");
            vm.record();
        });
        assertEquals(1, fx.confirmations.size());
        assertTrue(fx.confirmations.get(0).contains("The gates recommend " + recText), fx.confirmations.get(0));
        assertEquals("Not recorded: not confirmed.", vm.messageProperty().get());
        FxWait.settle();
        assertEquals(0, vm.history().size());

        // confirmed: recorded, with the reason and what had been looked at in the hashed evidence
        fx.confirmAnswer = true;
        runFx(vm::record);
        until("recorded", () -> vm.history().size() == 1);
        var evidence = new ObjectMapper().readTree(vm.history().get(0).evidenceJson());
        assertEquals(
                rec.id(), evidence.at("/against_recommendation/recommended").asText());
        assertEquals("promote", evidence.at("/against_recommendation/decided").asText());
        assertEquals(
                "the p99 gate measures a cold cache",
                evidence.at("/against_recommendation/reason").asText());
        assertEquals(0, evidence.at("/reviewed_sample/wrong").asInt());
        assertTrue(evidence.at("/outlier_flags/open").asLong() > 0);
        assertTrue(vm.intactProperty().get(), "the log still verifies");
        assertEquals("", vm.reasonProperty().get());
        runFx(fx.main::shutdown);
    }

    @Test
    void shareIsAPercentage() {
        assertEquals(0.2, DecisionsViewModel.parseShare("20"));
        assertEquals(0.015, DecisionsViewModel.parseShare("1.5%"));
        assertNull(DecisionsViewModel.parseShare(" "));
        assertThrows(BadInputException.class, () -> DecisionsViewModel.parseShare("120"));
        assertThrows(BadInputException.class, () -> DecisionsViewModel.parseShare("lots"));
    }
}
