package dev.shadowbench.core.decide;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Side;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every model version with its stage and share of traffic, derived by replaying the decision log over the versions
 * seen in the predictions: a version first logged as {@code live} starts in production, {@code canary} at canary 1%,
 * anything else in shadow. advance moves to the share it names ({@code --traffic-share}), else one canary step;
 * promote makes the version production and the previous production inactive-for-rollback; rollback takes the version
 * out of traffic and, if it was in production, brings the last production version back; retire retires. Then the
 * ramp plan: a version in shadow or canary whose plan gives a share for today serves that share (a plan of 20% from
 * yesterday: canary 20%).
 */
public record LifecycleBoard(List<VersionState> versions, String rollbackTarget) {

    /** One line of a version's history. */
    public record HistoryEntry(String at, String event, Stage stage) {}

    /** A version's current stage and share of traffic, since when, its history and, when due, a reminder. */
    public record VersionState(
            String key,
            String model,
            String version,
            Stage stage,
            double trafficShare,
            String since,
            List<HistoryEntry> history,
            String reminder,
            ModelVersion seen) {
        /** The stage in words, a canary with the share it serves: "canary 20%", "canary 5%", "production". */
        public String stageText() {
            return stage.isCanary()
                    ? "canary " + dev.shadowbench.core.format.FigureFormat.share(trafficShare)
                    : stage.label();
        }
    }

    public static final int DEFAULT_RETIRE_AFTER_DAYS = 7;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

    /** Loads the board on the calling thread's own connection to {@code ws}. */
    public static LifecycleBoard load(
            dev.shadowbench.core.workspace.Workspace ws, LocalDateTime now, int retireAfterDays) throws SQLException {
        try (Connection c = ws.connect()) {
            return load(c, now, retireAfterDays);
        }
    }

    public static LifecycleBoard load(Connection c, LocalDateTime now, int retireAfterDays) throws SQLException {
        List<ModelVersion> seen = seenVersions(c);
        return derive(seen, DecisionLog.list(c), plans(c, seen), now, retireAfterDays);
    }

    /**
     * Each seen version's ramp plan by version key: kept under the model version, or (the way plans were kept before)
     * under a variant that holds only this version.
     */
    static Map<String, List<RampPlan.Step>> plans(Connection c, List<ModelVersion> seen) throws SQLException {
        Map<String, List<RampPlan.Step>> out = new LinkedHashMap<>();
        for (ModelVersion v : seen) {
            if (v.model() == null || v.version() == null) continue;
            String byVersion = new Side(null, v.model(), v.version()).key();
            List<String> keys = new ArrayList<>(List.of(byVersion));
            for (String variant : v.variants()) {
                List<String> k = Side.variant(variant).planKeys(c);
                if (k.get(0).equals(byVersion)) keys.addAll(k.subList(1, k.size()));
            }
            List<RampPlan.Step> steps = RampPlan.steps(c, keys);
            if (!steps.isEmpty()) out.put(v.key(), steps);
        }
        return out;
    }

    /** The distinct model/version pairs in the predictions, oldest first; a synthetic baseline is not a model. */
    public static List<ModelVersion> seenVersions(Connection c) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("""
                SELECT model, version, string_agg(DISTINCT variant, ',' ORDER BY variant), count(*),
                       strftime(min(ts), '%Y-%m-%dT%H:%M:%S.%g'), strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%g')
                FROM predictions p WHERE NOT (""" + dev.shadowbench.core.compare.BaselineRecipe.isSynthetic("p") + """
                ) GROUP BY model, version ORDER BY min(ts) NULLS LAST, model, version""")) {
            while (rs.next()) {
                out.add(new ModelVersion(
                        rs.getString(1),
                        rs.getString(2),
                        Arrays.asList(rs.getString(3).split(",")),
                        rs.getLong(4),
                        parse(rs.getString(5)),
                        parse(rs.getString(6))));
            }
        }
        return out;
    }

    /** {@link #derive(List, List, Map, LocalDateTime, int)} without ramp plans. */
    public static LifecycleBoard derive(
            List<ModelVersion> seen, List<DecisionRecord> log, LocalDateTime now, int retireAfterDays) {
        return derive(seen, log, Map.of(), now, retireAfterDays);
    }

    /** Pure derivation, so it is tested without a database; {@code plans} are ramp plans by version key. */
    public static LifecycleBoard derive(
            List<ModelVersion> seen,
            List<DecisionRecord> log,
            Map<String, List<RampPlan.Step>> plans,
            LocalDateTime now,
            int retireAfterDays) {
        Map<String, Mutable> states = new LinkedHashMap<>();
        for (ModelVersion v : seen) {
            Stage initial = v.variants().contains("live")
                    ? Stage.PRODUCTION
                    : v.variants().contains("canary") ? Stage.CANARY_1 : Stage.SHADOW;
            Mutable m = new Mutable(v.key(), v.model(), v.version(), v);
            String at = v.firstSeen() == null ? null : TS.format(v.firstSeen());
            m.move(at, "first logged as " + String.join(", ", v.variants()), initial);
            states.put(v.key(), m);
        }
        for (DecisionRecord d : log) {
            String key = d.versionKey();
            if (key == null) continue;
            Mutable m = states.computeIfAbsent(key, k -> {
                Mutable n = new Mutable(k, d.model(), d.version(), null);
                n.move(d.decidedAt(), "first named in a decision", Stage.SHADOW);
                return n;
            });
            String who = " by " + d.reviewer() + " (decision #" + d.seq() + ")";
            m.lastDecisionDay = d.decidedAt() == null || d.decidedAt().length() < 10
                    ? m.lastDecisionDay
                    : java.time.LocalDate.parse(d.decidedAt().substring(0, 10));
            switch (d.decision()) {
                case "advance" -> {
                    Double named = d.trafficShare();
                    Stage next = named != null && named > 0 ? Stage.canaryAt(named) : m.stage.nextStep();
                    if (next == null)
                        m.note(d.decidedAt(), "advance" + who + ": no further canary step from " + m.stage.label());
                    else m.move(d.decidedAt(), "advanced" + who, next, named != null && named > 0 ? named : null);
                }
                case "promote" -> {
                    for (Mutable other : states.values()) {
                        if (other != m && other.stage == Stage.PRODUCTION) {
                            other.move(d.decidedAt(), "replaced by " + key + who, Stage.INACTIVE);
                        }
                    }
                    m.move(d.decidedAt(), "promoted" + who, Stage.PRODUCTION);
                }
                case "rollback" -> {
                    Mutable target = m.stage == Stage.PRODUCTION ? lastInactive(states.values(), m) : null;
                    if (target != null)
                        target.move(d.decidedAt(), "restored by rollback of " + key + who, Stage.PRODUCTION);
                    if (target != null || servedByAnother(states.values(), m)) {
                        m.move(d.decidedAt(), "rolled back" + who, Stage.SHADOW);
                    } else {
                        // a first model: nothing earlier serves its users, so rolling it back turns the feature off
                        m.move(
                                d.decidedAt(),
                                "rolled back" + who
                                        + ": no earlier production version to restore, feature switched off",
                                Stage.SWITCHED_OFF);
                    }
                }
                case "retire" -> m.move(d.decidedAt(), "retired" + who, Stage.RETIRED);
                default -> m.note(d.decidedAt(), d.decision() + who);
            }
        }
        java.time.LocalDate today = now.toLocalDate();
        for (Mutable m : states.values()) {
            List<RampPlan.Step> plan = plans.getOrDefault(m.key, List.of());
            Double planned = RampPlan.shareOn(plan, today);
            if (planned == null || planned <= 0 || !(m.stage == Stage.SHADOW || m.stage.isCanary())) continue;
            RampPlan.Step step = plan.stream()
                    .filter(s -> !s.day().isAfter(today))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            // a decision after the step (a rollback, a hold at another share) is newer than the plan
            if (planned.equals(m.share)
                    || m.lastDecisionDay != null && !step.day().isAfter(m.lastDecisionDay)) continue;
            m.move(
                    step.day() + "T00:00:00.000",
                    "ramp plan: " + dev.shadowbench.core.format.FigureFormat.share(planned) + " from " + step.day()
                            + " (" + step.source() + ")",
                    Stage.canaryAt(planned),
                    planned);
        }
        List<VersionState> out = new ArrayList<>();
        for (Mutable m : states.values()) {
            String reminder = null;
            if (m.stage == Stage.INACTIVE && m.since != null) {
                long days = Duration.between(parse(m.since), now).toDays();
                if (days > retireAfterDays) {
                    reminder = "Inactive for " + days + " days (more than " + retireAfterDays + "): retire it";
                }
            }
            out.add(new VersionState(
                    m.key, m.model, m.version, m.stage, m.share, m.since, List.copyOf(m.history), reminder, m.seen));
        }
        Mutable target = lastInactive(states.values(), null);
        return new LifecycleBoard(List.copyOf(out), target == null ? null : target.key);
    }

    /** True when a version other than {@code m} is in production (it keeps serving when {@code m} is rolled back). */
    private static boolean servedByAnother(Iterable<Mutable> all, Mutable m) {
        for (Mutable o : all) if (o != m && o.stage == Stage.PRODUCTION) return true;
        return false;
    }

    /** What a rollback would do now, in words: restore the kept version, or switch the feature off. */
    public String rollbackMeaning() {
        if (rollbackTarget != null) return "a rollback restores " + rollbackTarget;
        return versions.stream().anyMatch(v -> v.stage() == Stage.PRODUCTION)
                ? "no earlier production version: a rollback switches the feature off"
                : "nothing in production yet: the first promote makes the candidate production";
    }

    /** The version that most recently left production and is still kept: the rollback target. */
    private static Mutable lastInactive(Iterable<Mutable> all, Mutable except) {
        Mutable best = null;
        for (Mutable m : all) {
            if (m == except || m.stage != Stage.INACTIVE) continue;
            if (best == null || (m.since != null && (best.since == null || m.since.compareTo(best.since) >= 0)))
                best = m;
        }
        return best;
    }

    public VersionState find(String key) {
        return versions.stream().filter(v -> v.key().equals(key)).findFirst().orElse(null);
    }

    private static LocalDateTime parse(String s) {
        return s == null ? null : LocalDateTime.parse(s);
    }

    private static final class Mutable {
        final String key, model, version;
        final ModelVersion seen;
        final List<HistoryEntry> history = new ArrayList<>();
        Stage stage;
        /** The share of traffic served: the stage's, or the share an advance or the ramp plan named. */
        double share;

        String since;
        java.time.LocalDate lastDecisionDay;

        Mutable(String key, String model, String version, ModelVersion seen) {
            this.key = key;
            this.model = model;
            this.version = version;
            this.seen = seen;
        }

        void move(String at, String event, Stage to) {
            move(at, event, to, null);
        }

        /** Moves to {@code to} serving {@code share} (null: the stage's own share). */
        void move(String at, String event, Stage to, Double servedShare) {
            if (to != stage) since = at;
            stage = to;
            share = servedShare != null ? servedShare : to.trafficShare();
            history.add(new HistoryEntry(at, event, to));
        }

        void note(String at, String event) {
            history.add(new HistoryEntry(at, event, stage));
        }
    }
}
