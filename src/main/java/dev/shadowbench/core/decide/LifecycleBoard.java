package dev.shadowbench.core.decide;

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
 * Every model version with its stage, derived by replaying the decision log over the versions seen in the
 * predictions: a version first logged as {@code live} starts in production, {@code canary} at canary 1%,
 * anything else in shadow. advance moves one canary step; promote makes the version production and the
 * previous production inactive-for-rollback; rollback takes the version out of traffic and, if it was in
 * production, brings the last production version back; retire retires.
 */
public record LifecycleBoard(List<VersionState> versions, String rollbackTarget) {

    /** One line of a version's history. */
    public record HistoryEntry(String at, String event, Stage stage) {}

    /** A version's current stage, since when, its history and, when due, a reminder. */
    public record VersionState(
            String key,
            String model,
            String version,
            Stage stage,
            String since,
            List<HistoryEntry> history,
            String reminder,
            ModelVersion seen) {}

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
        return derive(seenVersions(c), DecisionLog.list(c), now, retireAfterDays);
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

    /** Pure derivation, so it is tested without a database. */
    public static LifecycleBoard derive(
            List<ModelVersion> seen, List<DecisionRecord> log, LocalDateTime now, int retireAfterDays) {
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
            switch (d.decision()) {
                case "advance" -> {
                    Stage next = m.stage.nextStep();
                    if (next == null)
                        m.note(d.decidedAt(), "advance" + who + ": no further canary step from " + m.stage.label());
                    else m.move(d.decidedAt(), "advanced" + who, next);
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
                    m.key, m.model, m.version, m.stage, m.since, List.copyOf(m.history), reminder, m.seen));
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
        String since;

        Mutable(String key, String model, String version, ModelVersion seen) {
            this.key = key;
            this.model = model;
            this.version = version;
            this.seen = seen;
        }

        void move(String at, String event, Stage to) {
            if (to != stage) since = at;
            stage = to;
            history.add(new HistoryEntry(at, event, to));
        }

        void note(String at, String event) {
            history.add(new HistoryEntry(at, event, stage));
        }
    }
}
