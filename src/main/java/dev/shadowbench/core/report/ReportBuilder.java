package dev.shadowbench.core.report;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.DecisionLog;
import dev.shadowbench.core.decide.GateSettings;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.SummarySource;
import dev.shadowbench.core.outliers.OutlierStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Gathers a report's content from a workspace: summaries and capped samples, never the raw logs. */
public final class ReportBuilder {
    /** Cap on every row list in a report (sample, outliers, segments), so a report stays small. */
    public static final int MAX_ROWS = 200;

    private ReportBuilder() {}

    /** Collects on its own connection to {@code ws} (with the workspace's gate settings) and writes {@code file}. */
    public static void write(
            dev.shadowbench.core.workspace.Workspace ws,
            Comparison cmp,
            SummarySource source,
            ReportFormat format,
            java.nio.file.Path file,
            LocalDateTime now)
            throws SQLException, java.io.IOException {
        try (Connection c = ws.connect()) {
            dev.shadowbench.core.workspace.OutputFile.check(file, ws.file());
            format.write(
                    collect(
                            c,
                            cmp,
                            source,
                            dev.shadowbench.core.decide.GateSettingsStore.load(c),
                            ws.displayName(),
                            now),
                    file,
                    ws.file());
        }
    }

    public static ReportContent collect(
            Connection c,
            Comparison cmp,
            SummarySource source,
            GateSettings settings,
            String workspaceName,
            LocalDateTime now)
            throws SQLException {
        ReviewSummary review = source.review(c, cmp, settings);
        long reviewedTotal;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT count(DISTINCT request_id) FROM review_verdicts WHERE comparison_key = ?")) {
            ps.setString(1, cmp.key());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                reviewedTotal = rs.getLong(1);
            }
        }
        List<ReportContent.ReviewedPair> reviewed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT request_id, verdict, note, reviewer, strftime(recorded_at, '%Y-%m-%d %H:%M') FROM (
                    SELECT *, row_number() OVER (PARTITION BY request_id ORDER BY recorded_at DESC) AS rn
                    FROM review_verdicts WHERE comparison_key = ?) WHERE rn = 1
                ORDER BY CASE verdict WHEN 'wrong' THEN 0 WHEN 'suspicious' THEN 1 ELSE 2 END, recorded_at DESC
                LIMIT ?""")) {
            ps.setString(1, cmp.key());
            ps.setInt(2, MAX_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reviewed.add(new ReportContent.ReviewedPair(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        List<ReportContent.SegmentRows> segments = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (cmp.baseline().variant() != null && cmp.candidate().variant() != null) {
            where.append(" AND p.variant IN (?, ?)");
            params.add(cmp.baseline().variant());
            params.add(cmp.candidate().variant());
        }
        where.append(" AND ").append(cmp.windowWhere("p", params));
        try (PreparedStatement ps = c.prepareStatement("SELECT segment, variant, count(*) FROM predictions p WHERE "
                + where + " GROUP BY segment, variant ORDER BY count(*) DESC, segment, variant LIMIT " + MAX_ROWS)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    segments.add(new ReportContent.SegmentRows(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        List<String[]> baselineModels = models(c, cmp.baseline(), cmp);
        List<String[]> candidateModels = models(c, cmp.candidate(), cmp);
        List<dev.shadowbench.core.decide.DecisionRecord> decisions = DecisionLog.list(c);
        return new ReportContent(
                workspaceName,
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + " UTC",
                review,
                reviewed,
                reviewedTotal,
                segments,
                OutlierStore.dismissals(c, cmp.key()).values().stream()
                        .sorted(java.util.Comparator.comparing(
                                        OutlierStore.Dismissal::dismissedAt,
                                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                                .reversed())
                        .toList(),
                LifecycleBoard.load(c, now, LifecycleBoard.DEFAULT_RETIRE_AFTER_DAYS),
                decisions,
                DecisionLog.verify(c),
                new ReportContent.Names(name(cmp.baseline(), baselineModels), name(cmp.candidate(), candidateModels)),
                latestDecision(decisions, cmp, candidateModels));
    }

    /** The (model, version) pairs a side's records carry in the window, most records first (at most 3). */
    private static List<String[]> models(Connection c, dev.shadowbench.core.compare.Side side, Comparison cmp)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = side.where("p", params) + " AND " + cmp.windowWhere("p", params);
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT p.model, p.version, count(*) AS n FROM predictions p WHERE " + where
                        + " GROUP BY ALL ORDER BY n DESC, p.model NULLS LAST, p.version NULLS LAST LIMIT 3")) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /**
     * A side in words: its models and versions, then its variant in brackets ("gbr 2.0.0-rc1 (shadow)"); the side's
     * own text when its records name no model.
     */
    static String name(dev.shadowbench.core.compare.Side side, List<String[]> models) {
        List<String> names = new ArrayList<>();
        for (String[] m : models) {
            String n = ((m[0] == null ? "" : m[0]) + " " + (m[1] == null ? "" : m[1])).strip();
            if (!n.isEmpty()) names.add(n);
        }
        if (names.isEmpty()) return side.toString();
        String joined = names.size() > 2 ? names.get(0) + ", " + names.get(1) + " and more" : String.join(", ", names);
        return side.variant() == null ? joined : joined + " (" + side.variant() + ")";
    }

    /**
     * The team's latest decision on this comparison: recorded for its key, else for the candidate's model version
     * (a decision taken on another window of the same candidate); null when there is none.
     */
    static dev.shadowbench.core.decide.DecisionRecord latestDecision(
            List<dev.shadowbench.core.decide.DecisionRecord> log, Comparison cmp, List<String[]> candidateModels) {
        dev.shadowbench.core.decide.DecisionRecord byKey = null, byVersion = null;
        String[] top = candidateModels.isEmpty() ? null : candidateModels.get(0);
        for (var d : log) {
            if (cmp.key().equals(d.comparisonKey())) byKey = d;
            else if (top != null
                    && top[1] != null
                    && java.util.Objects.equals(top[0], d.model())
                    && top[1].equals(d.version())) byVersion = d;
        }
        return byKey != null ? byKey : byVersion;
    }
}
