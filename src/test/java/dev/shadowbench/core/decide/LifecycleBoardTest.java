package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleBoardTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 1, 8, 0);
    private final List<DecisionRecord> log = new ArrayList<>();

    private void decide(String decision, String model, String version, int day) {
        log.add(new DecisionRecord(
                log.size() + 1,
                T0.plusDays(day).toString() + ":00.000",
                decision,
                "ana",
                null,
                model,
                version,
                null,
                null,
                null,
                null,
                "x",
                "y"));
    }

    private void advanceTo(double share, int day) {
        decide("advance", "gbr", "2.0.0", day);
        DecisionRecord d = log.remove(log.size() - 1);
        log.add(Records.with(d, "trafficShare", share));
    }

    private static final java.time.LocalDate D0 = T0.toLocalDate();

    @Test
    void anAdvanceToANamedShareServesThatShare() {
        advanceTo(0.2, 1); // from shadow straight to 20%
        LifecycleBoard.VersionState v =
                LifecycleBoard.derive(seen(), log, T0.plusDays(2), 7).find("gbr 2.0.0");
        assertEquals(Stage.CANARY_20, v.stage());
        assertEquals(0.2, v.trafficShare());
        assertEquals("canary 20%", v.stageText());
        advanceTo(0.05, 2); // a share off the usual steps is shown as it is
        v = LifecycleBoard.derive(seen(), log, T0.plusDays(3), 7).find("gbr 2.0.0");
        assertEquals(Stage.CANARY_1, v.stage());
        assertEquals("canary 5%", v.stageText());
        decide("advance", "gbr", "2.0.0", 3); // no share named: the next step
        assertEquals(
                "canary 20%",
                LifecycleBoard.derive(seen(), log, T0.plusDays(4), 7)
                        .find("gbr 2.0.0")
                        .stageText());
    }

    @Test
    void theRampPlanSetsTheShareOfToday() {
        List<ModelVersion> canary = List.of(
                new ModelVersion("ridge", "1.4.0", List.of("live"), 100, T0, T0.plusDays(30)),
                new ModelVersion("gbr", "2.0.0", List.of("canary"), 100, T0, T0.plusDays(30)));
        var plan = java.util.Map.of(
                "gbr 2.0.0",
                List.of(
                        new dev.shadowbench.core.canary.RampPlan.Step(D0, 0.01, "ramp"),
                        new dev.shadowbench.core.canary.RampPlan.Step(D0.plusDays(1), 0.2, "ramp"),
                        new dev.shadowbench.core.canary.RampPlan.Step(D0.plusDays(2), 0.5, "ramp")));
        LifecycleBoard.VersionState v =
                LifecycleBoard.derive(canary, log, plan, T0, 7).find("gbr 2.0.0");
        assertEquals("canary 1%", v.stageText());
        // a canary at 20% shows canary and 20%
        v = LifecycleBoard.derive(canary, log, plan, T0.plusDays(1), 7).find("gbr 2.0.0");
        assertEquals(Stage.CANARY_20, v.stage());
        assertEquals(0.2, v.trafficShare());
        assertEquals("canary 20%", v.stageText());
        assertEquals(
                "ramp plan: 20% from " + D0.plusDays(1) + " (ramp)",
                v.history().get(v.history().size() - 1).event());
        assertEquals(
                "production",
                LifecycleBoard.derive(canary, log, plan, T0.plusDays(1), 7)
                        .find("ridge 1.4.0")
                        .stageText());
        // a rollback after the 20% step is newer than the plan: the version is out of traffic, not at 50% the day after
        decide("rollback", "gbr", "2.0.0", 1);
        v = LifecycleBoard.derive(canary, log, plan, T0.plusDays(1), 7).find("gbr 2.0.0");
        assertEquals(Stage.SHADOW, v.stage());
        assertEquals("shadow", v.stageText());
        // a step on a day after the rollback applies from its day (the plan keeps no time of setting per step)
        v = LifecycleBoard.derive(canary, log, plan, T0.plusDays(2), 7).find("gbr 2.0.0");
        assertEquals("canary 50%", v.stageText());
    }

    @Test
    void loadReadsThePlanOfTheVersionAndTheOldSideKey() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            shadowThenCanary(c);
            // 1% kept the old way (under the canary side), 20% under the model version, as ramp --set keeps it now
            dev.shadowbench.core.canary.RampPlan.set(c, "canary/*/*", java.util.Map.of(D0.plusDays(1), 0.01), "ramp");
            dev.shadowbench.core.canary.RampPlan.set(c, "*/gbr/2.0.0", java.util.Map.of(D0.plusDays(2), 0.2), "ramp");
            assertEquals(
                    "canary 1%",
                    LifecycleBoard.load(c, T0.plusDays(1), 7).find("gbr 2.0.0").stageText());
            LifecycleBoard.VersionState v =
                    LifecycleBoard.load(c, T0.plusDays(2), 7).find("gbr 2.0.0");
            assertEquals("canary 20%", v.stageText());
            assertEquals(0.2, v.trafficShare());
            assertEquals(
                    Stage.PRODUCTION,
                    LifecycleBoard.load(c, T0.plusDays(2), 7)
                            .find("ridge 1.4.0")
                            .stage());
        }
    }

    /** ridge 1.4.0 live; gbr 2.0.0 as shadow on the 1st, as canary on the 2nd. */
    private static void shadowThenCanary(Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO predictions(import_id, request_id, ts, model, version, variant) VALUES "
                    + "(1, 'a', TIMESTAMP '2026-11-01 08:00', 'ridge', '1.4.0', 'live'), "
                    + "(1, 'a', TIMESTAMP '2026-11-01 08:00', 'gbr', '2.0.0', 'shadow'), "
                    + "(1, 'b', TIMESTAMP '2026-11-02 08:00', 'gbr', '2.0.0', 'canary')");
        }
    }

    private static List<ModelVersion> seen() {
        return List.of(
                new ModelVersion("ridge", "1.4.0", List.of("live"), 100, T0, T0.plusDays(30)),
                new ModelVersion("gbr", "2.0.0", List.of("shadow"), 100, T0, T0.plusDays(30)));
    }

    @Test
    void initialStagesComeFromVariants() {
        LifecycleBoard b = LifecycleBoard.derive(seen(), log, T0, 7);
        assertEquals(Stage.PRODUCTION, b.find("ridge 1.4.0").stage());
        assertEquals(Stage.SHADOW, b.find("gbr 2.0.0").stage());
        assertNull(b.rollbackTarget());
    }

    @Test
    void advanceWalksTheCanaryThenPromoteRetiresNothingButDeactivatesOldProduction() {
        decide("advance", "gbr", "2.0.0", 1);
        LifecycleBoard b = LifecycleBoard.derive(seen(), log, T0, 7);
        assertEquals(Stage.CANARY_1, b.find("gbr 2.0.0").stage());
        decide("advance", "gbr", "2.0.0", 2);
        decide("hold", "gbr", "2.0.0", 3);
        decide("advance", "gbr", "2.0.0", 4);
        decide("advance", "gbr", "2.0.0", 5);
        b = LifecycleBoard.derive(seen(), log, T0, 7);
        assertEquals(Stage.CANARY_100, b.find("gbr 2.0.0").stage());
        decide("advance", "gbr", "2.0.0", 5); // no further step: stays
        assertEquals(
                Stage.CANARY_100,
                LifecycleBoard.derive(seen(), log, T0, 7).find("gbr 2.0.0").stage());
        decide("promote", "gbr", "2.0.0", 6);
        b = LifecycleBoard.derive(seen(), log, T0.plusDays(8), 7);
        assertEquals(Stage.PRODUCTION, b.find("gbr 2.0.0").stage());
        assertEquals(Stage.INACTIVE, b.find("ridge 1.4.0").stage());
        assertEquals("ridge 1.4.0", b.rollbackTarget());
        assertNull(b.find("ridge 1.4.0").reminder(), "2 days inactive: no reminder yet");
        // history: first logged, advanced x4, hold note, no-step note, promoted
        assertEquals(8, b.find("gbr 2.0.0").history().size());
        assertTrue(b.find("gbr 2.0.0").history().get(3).event().startsWith("hold"));
    }

    @Test
    void inactiveForMoreThanNDaysShowsRetireReminderAndRetireClearsIt() {
        decide("promote", "gbr", "2.0.0", 1);
        LifecycleBoard b = LifecycleBoard.derive(seen(), log, T0.plusDays(9), 7);
        assertEquals(
                "Inactive for 8 days (more than 7): retire it",
                b.find("ridge 1.4.0").reminder());
        assertNull(
                LifecycleBoard.derive(seen(), log, T0.plusDays(8), 7)
                        .find("ridge 1.4.0")
                        .reminder(),
                "7 days is not more than 7");
        decide("retire", "ridge", "1.4.0", 10);
        b = LifecycleBoard.derive(seen(), log, T0.plusDays(20), 7);
        assertEquals(Stage.RETIRED, b.find("ridge 1.4.0").stage());
        assertNull(b.find("ridge 1.4.0").reminder());
        assertNull(b.rollbackTarget());
    }

    @Test
    void rollbackOfProductionBringsTheLastProductionBack() {
        List<ModelVersion> three = new ArrayList<>(seen());
        three.add(new ModelVersion("gbr", "2.1.0", List.of("shadow"), 10, T0.plusDays(5), T0.plusDays(6)));
        decide("promote", "gbr", "2.0.0", 1); // ridge -> inactive
        decide("promote", "gbr", "2.1.0", 6); // gbr 2.0.0 -> inactive (newest), ridge stays inactive
        LifecycleBoard b = LifecycleBoard.derive(three, log, T0.plusDays(6), 7);
        assertEquals("gbr 2.0.0", b.rollbackTarget(), "the last production version");
        decide("rollback", "gbr", "2.1.0", 7);
        b = LifecycleBoard.derive(three, log, T0.plusDays(7), 7);
        assertEquals(Stage.PRODUCTION, b.find("gbr 2.0.0").stage());
        assertEquals(Stage.SHADOW, b.find("gbr 2.1.0").stage());
        assertEquals(Stage.INACTIVE, b.find("ridge 1.4.0").stage());
        assertEquals("ridge 1.4.0", b.rollbackTarget());
    }

    @Test
    void rollbackOfACanaryLeavesProductionAlone() {
        decide("advance", "gbr", "2.0.0", 1);
        decide("rollback", "gbr", "2.0.0", 2);
        LifecycleBoard b = LifecycleBoard.derive(seen(), log, T0.plusDays(3), 7);
        assertEquals(Stage.SHADOW, b.find("gbr 2.0.0").stage());
        assertEquals(Stage.PRODUCTION, b.find("ridge 1.4.0").stage());
    }

    @Test
    void loadsVersionsFromPredictionsAndDecisionsFromTheLog() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            shadowThenCanary(c);
            DecisionLog.append(
                    c,
                    new DecisionDraft(DecisionType.PROMOTE, "ana", null, "gbr", "2.0.0", "canary 1%", 0.01, null, null),
                    T0.plusDays(2));
            LifecycleBoard b = LifecycleBoard.load(c, T0.plusDays(12), 7);
            assertEquals(2, b.versions().size());
            assertEquals(List.of("canary", "shadow"), b.find("gbr 2.0.0").seen().variants());
            assertEquals(Stage.PRODUCTION, b.find("gbr 2.0.0").stage());
            assertEquals(Stage.INACTIVE, b.find("ridge 1.4.0").stage());
            assertEquals("2026-11-03T08:00:00.000000", b.find("ridge 1.4.0").since());
            assertTrue(b.find("ridge 1.4.0").reminder().contains("retire it"));
        }
    }

    /** A first model: logged only as shadow, no live version anywhere. */
    private static List<ModelVersion> firstModel() {
        return List.of(new ModelVersion("gbr", "1.0.0", List.of("shadow"), 100, T0, T0.plusDays(3)));
    }

    @Test
    void aFirstModelsFirstPromoteMakesItProductionWithNothingToRollBackTo() {
        LifecycleBoard b = LifecycleBoard.derive(firstModel(), log, T0, 7);
        assertEquals(Stage.SHADOW, b.find("gbr 1.0.0").stage());
        assertNull(b.rollbackTarget());
        assertEquals(
                "nothing in production yet: the first promote makes the candidate production", b.rollbackMeaning());
        decide("advance", "gbr", "1.0.0", 1);
        decide("promote", "gbr", "1.0.0", 2);
        b = LifecycleBoard.derive(firstModel(), log, T0, 7);
        assertEquals(Stage.PRODUCTION, b.find("gbr 1.0.0").stage());
        assertNull(b.rollbackTarget(), "no production version to roll back to");
        assertEquals("no earlier production version: a rollback switches the feature off", b.rollbackMeaning());
    }

    @Test
    void rollingBackAFirstModelSwitchesTheFeatureOff() {
        decide("promote", "gbr", "1.0.0", 1);
        decide("rollback", "gbr", "1.0.0", 2);
        LifecycleBoard b = LifecycleBoard.derive(firstModel(), log, T0, 7);
        LifecycleBoard.VersionState v = b.find("gbr 1.0.0");
        assertEquals(Stage.SWITCHED_OFF, v.stage());
        assertEquals(0.0, v.stage().trafficShare());
        assertTrue(v.history().get(v.history().size() - 1).event().contains("feature switched off"));
        assertTrue(b.versions().stream().noneMatch(x -> x.stage() == Stage.PRODUCTION));
    }

    @Test
    void aFirstModelRolledBackFromItsCanaryIsSwitchedOffToo() {
        decide("advance", "gbr", "1.0.0", 1);
        decide("rollback", "gbr", "1.0.0", 2);
        assertEquals(
                Stage.SWITCHED_OFF,
                LifecycleBoard.derive(firstModel(), log, T0, 7)
                        .find("gbr 1.0.0")
                        .stage());
    }

    @Test
    void aCandidateRolledBackBesideALiveVersionGoesBackToShadow() {
        decide("advance", "gbr", "2.0.0", 1);
        decide("rollback", "gbr", "2.0.0", 2);
        LifecycleBoard b = LifecycleBoard.derive(seen(), log, T0, 7);
        assertEquals(Stage.SHADOW, b.find("gbr 2.0.0").stage());
        assertEquals(Stage.PRODUCTION, b.find("ridge 1.4.0").stage());
    }

    @Test
    void aSyntheticBaselineIsNoModelVersion() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction) "
                    + "VALUES (1, 'r1', TIMESTAMP '2026-11-20 10:00:00', 'gbr', '1.0.0', 'shadow', 3.0), "
                    + "(2, 'r1', TIMESTAMP '2026-11-20 10:00:00', 'synthetic-baseline', 'mean', 'baseline', 2.0)");
            st.execute("INSERT INTO synthetic_baselines(name, import_id, candidate, task, kind, source, answered, "
                    + "description, built_at) VALUES ('baseline', 2, 'shadow/*/*', 'regression', 'mean', 'labels', 1, "
                    + "'mean 2', now())");
            List<ModelVersion> seen = LifecycleBoard.seenVersions(c);
            assertEquals(1, seen.size(), seen.toString());
            assertEquals("gbr 1.0.0", seen.get(0).key());
        }
    }
}
