package dev.shadowbench.core.decide;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Decisions screen and the {@code decide} command share: evaluate the gates for a comparison, work
 * out which version the candidate is and where it stands, and record a decision with that evidence.
 */
public final class DecisionDesk {
    private DecisionDesk() {}

    /** The gates' state for a comparison at one moment, and the candidate version they are about. */
    public record Assessment(
            Comparison comparison,
            ReviewSummary review,
            LifecycleBoard board,
            String model,
            String version,
            Stage stage,
            ReviewEvidence evidence) {

        public Verdict verdict() {
            return review.verdict();
        }

        /** True when {@code type} goes against the gates ({@link DecisionType#against}). */
        public boolean against(DecisionType type) {
            return type.against(verdict().recommendation());
        }

        public String versionKey() {
            return model == null && version == null ? null : ModelVersionKey.of(model, version);
        }
    }

    /** The screen's whole state in one read: assessment (null without a comparison), the log and its verification. */
    public record DeskState(Assessment assessment, List<DecisionRecord> history, Verification verification) {}

    /** Reads everything the Decisions screen shows, on the calling thread's own connection. */
    public static DeskState load(Workspace ws, Comparison cmp, SummarySource source, LocalDateTime now)
            throws SQLException {
        try (Connection c = ws.connect()) {
            Assessment a = cmp == null ? null : assess(c, cmp, source, GateSettingsStore.load(c), now);
            return new DeskState(a, DecisionLog.list(c), DecisionLog.verify(c));
        }
    }

    /** {@link #record(Connection, Assessment, DecisionType, String, String, String, String, String, Double)} on its own connection. */
    public static DecisionRecord record(
            Workspace ws,
            Assessment a,
            DecisionType type,
            String reviewer,
            String note,
            String stage,
            Double share,
            String reason)
            throws SQLException {
        try (Connection c = ws.connect()) {
            return record(c, a, type, reviewer, note, null, null, stage, share, reason);
        }
    }

    public static Assessment assess(
            Connection c, Comparison cmp, SummarySource source, GateSettings settings, LocalDateTime now)
            throws SQLException {
        ReviewSummary review = source.review(c, cmp, settings);
        String[] mv = dominantVersion(c, cmp.candidate());
        LifecycleBoard board = LifecycleBoard.load(c, now, LifecycleBoard.DEFAULT_RETIRE_AFTER_DAYS);
        Stage stage = null;
        if (mv != null) {
            LifecycleBoard.VersionState st = board.find(ModelVersionKey.of(mv[0], mv[1]));
            if (st != null) stage = st.stage();
        }
        return new Assessment(
                cmp,
                review,
                board,
                mv == null ? null : mv[0],
                mv == null ? null : mv[1],
                stage,
                ReviewEvidence.load(c, cmp, review));
    }

    /**
     * Records a decision on the assessed candidate (or on {@code model}/{@code version} when given, e.g. retiring
     * the old version). Stage and traffic share default to the version's current lifecycle stage. A decision that
     * goes {@link Assessment#against against} the gates keeps {@code reason} (why) in its hashed evidence.
     */
    public static DecisionRecord record(
            Connection c,
            Assessment a,
            DecisionType type,
            String reviewer,
            String note,
            String model,
            String version,
            String stage,
            Double share,
            String reason)
            throws SQLException {
        if (reason != null && reason.isBlank()) reason = null;
        String m = model != null ? model : a.model();
        String v = version != null ? version : a.version();
        LifecycleBoard.VersionState current = m != null || v != null ? a.board().find(ModelVersionKey.of(m, v)) : null;
        String stageText = stage != null ? stage : current == null ? null : current.stageText();
        Double shareValue = share != null ? share : current == null ? null : current.trafficShare();
        DecisionRecord r = DecisionLog.append(
                c,
                new DecisionDraft(
                        type,
                        reviewer,
                        a.comparison().key(),
                        m,
                        v,
                        stageText,
                        shareValue,
                        Evidence.of(a, type, reason),
                        note));
        if (type == DecisionType.ADVANCE && share != null) {
            // an advance to a named share is the ramp plan from the next day on
            RampPlan.set(
                    c,
                    a.comparison().candidate().planKeys(c).get(0),
                    Map.of(LocalDate.parse(r.decidedAt().substring(0, 10)).plusDays(1), share),
                    "decision #" + r.seq());
        }
        return r;
    }

    /** The model/version with the most records on a side, or null when the side has none. */
    static String[] dominantVersion(Connection c, Side side) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT model, version FROM predictions p WHERE " + side.where("p", params)
                + " GROUP BY model, version ORDER BY count(*) DESC, model, version LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }
}
