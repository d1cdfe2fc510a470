package dev.shadowbench.core.compare;

import dev.shadowbench.core.canary.CanaryFeedback;
import dev.shadowbench.core.canary.ComplaintCounts;
import dev.shadowbench.core.canary.ComplaintStats;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.canary.ShareCheck;
import dev.shadowbench.core.compare.DivergenceFigures.Kind;
import dev.shadowbench.core.compare.Summary.Breakdowns;
import dev.shadowbench.core.compare.Summary.ComparisonInfo;
import dev.shadowbench.core.compare.Summary.Counts;
import dev.shadowbench.core.compare.Summary.Divergence;
import dev.shadowbench.core.compare.Summary.Feedback;
import dev.shadowbench.core.compare.Summary.Finding;
import dev.shadowbench.core.compare.Summary.KsTest;
import dev.shadowbench.core.compare.Summary.LatencyPair;
import dev.shadowbench.core.compare.Summary.MannWhitney;
import dev.shadowbench.core.compare.Summary.SideFeedback;
import dev.shadowbench.core.compare.Summary.Tests;
import dev.shadowbench.core.compare.Summary.Traffic;
import dev.shadowbench.core.compare.Summary.TrafficDay;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every figure of a review: pairing, divergence, latency, tests, labels, traffic, feedback, breakdowns.
 * Heavy work runs in DuckDB on the caller's connection, over the comparison's {@link PairIndex} (built on first
 * use), through the {@link PairedComparison} handle that names its tables.
 * Anything that cannot be computed is null with a reason in {@link Summary#unavailable()}, never an exception.
 */
public final class SummaryService {
    private SummaryService() {}

    private static final int STEPS = 9;

    /** Pairs the comparison (or reuses its stored pairing) and computes its figures. */
    public static Summary compute(Connection c, Comparison cmp, SummaryOptions o, ProgressSink sink)
            throws SQLException {
        Db q = new Db(c, sink);
        sink.progress(0, STEPS, "Pairing baseline and candidate records");
        return compute(q, PairIndex.open(q, cmp), o);
    }

    /** The figures of a comparison already paired, read from the tables {@code pc} names. */
    public static Summary compute(Connection c, PairedComparison pc, SummaryOptions o, ProgressSink sink)
            throws SQLException {
        Db q = new Db(c, sink);
        return compute(q, pc, o);
    }

    private static Summary compute(Db q, PairedComparison pc, SummaryOptions o) throws SQLException {
        ProgressSink sink = q.sink();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Comparison cmp = pc.comparison();
        Pairing.Coverage cov = pc.coverage();
        long quarantined =
                pc.extract() ? ExtractFigures.unreadable(q, pc) : Db.lng(q.row("SELECT count(*) FROM quarantine")[0]);
        Counts counts = new Counts(
                cov.baselineRows(),
                cov.candidateRows(),
                cov.paired(),
                cov.baselineOnly(),
                cov.candidateOnly(),
                cov.duplicateRows(),
                quarantined);

        // a synthetic baseline (a first model's) answers without latency, and its recipe names it wherever it is shown
        BaselineRecipe recipe = BaselineRecipe.of(q, cmp.baseline());
        String notApplicable =
                recipe == null ? null : "not applicable: the baseline is synthetic (" + recipe.description() + ")";
        sink.progress(1, STEPS, "Profiling both sides");
        SideProfile b = SideProfile.of(q, pc, "b"), cd = SideProfile.of(q, pc, "c");
        if (b.ids == 0) unavailable.put("baseline", "no " + cmp.baseline() + " records in the window");
        if (cd.ids == 0) unavailable.put("candidate", "no " + cmp.candidate() + " records in the window");
        Kind kind = b.rankings > 0 && cd.rankings > 0
                ? Kind.RANKING
                : b.classes > 0 && cd.classes > 0
                        ? Kind.CLASSIFICATION
                        : b.predictions > 0 && cd.predictions > 0 ? Kind.REGRESSION : null;

        sink.progress(2, STEPS, "Measuring divergence");
        Divergence divergence = null;
        if (kind == null)
            unavailable.put("divergence", "the two sides share no kind of output (prediction, class or ranking)");
        else if (cov.paired() == 0) unavailable.put("divergence", "no request id appears on both sides");
        else if (kind == Kind.RANKING && pc.extract() && ExtractFigures.topKMissing(q, pc, o) != null)
            unavailable.put("divergence", ExtractFigures.topKMissing(q, pc, o));
        else divergence = DivergenceFigures.compute(q, pc, kind, o);

        sink.progress(3, STEPS, "Measuring latency");
        // One table of distinct latencies with counts serves the percentiles, histograms and the Mann-Whitney ranks.
        String latencyCdf = pc.latencyCdf();
        LatencyPair latency = LatencyFigures.compute(q, latencyCdf, o);
        if (latency.baseline() == null)
            unavailable.put(
                    "latency_ms.baseline",
                    notApplicable != null ? notApplicable : "latency not recorded in the baseline's logs");
        if (latency.candidate() == null)
            unavailable.put("latency_ms.candidate", "latency not recorded in the candidate's logs");

        sink.progress(4, STEPS, "Testing prediction distributions");
        KsTest ks = null;
        Summary.PredictionHistograms predictionHistograms = null;
        TwoSampleTests.Psi psi = null;
        if (b.predictions > 0 && cd.predictions > 0) {
            String cdf = pc.predictionCdf();
            ks = TwoSampleTests.ksOnCdf(q, cdf);
            psi = TwoSampleTests.psiOnCdf(q, cdf);
            predictionHistograms = predictionHistograms(q, cdf, ks, o);
        } else {
            unavailable.put("tests.prediction_ks", "a side has no numeric prediction or score");
            unavailable.put("tests.prediction_psi", "a side has no numeric prediction or score");
        }
        sink.progress(5, STEPS, "Testing latency distributions");
        MannWhitney mw = null;
        if (latency.baseline() != null && latency.candidate() != null)
            mw = TwoSampleTests.mannWhitneyOnCdf(q, latencyCdf);
        else
            unavailable.put(
                    "tests.latency_mann_whitney",
                    notApplicable != null ? notApplicable : "latency not recorded on both sides");

        sink.progress(6, STEPS, "Scoring against labels");
        Summary.Labels labels = kind == null || cov.paired() == 0
                ? none(unavailable)
                : LabelQuality.compute(
                        q,
                        pc,
                        kind,
                        o,
                        recipe == null ? "the baseline" : "the baseline (" + recipe.description() + ")",
                        unavailable);

        sink.progress(7, STEPS, "Traffic and feedback");
        List<RampPlan.Step> plan =
                RampPlan.steps(q.connection(), cmp.candidate().planKeys(q.connection()));
        Traffic traffic = traffic(q, pc, plan);
        Feedback feedback;
        ComplaintStats.Comparison complaintTest = null;
        if (b.feedback == 0 && cd.feedback == 0) {
            feedback = new Feedback(null, null, List.of());
            unavailable.put("feedback", "no feedback recorded in these logs");
            unavailable.put("tests.complaint_rate", "no feedback recorded in these logs");
        } else {
            List<ComplaintCounts.Day>
                    bd =
                            pc.extract()
                                    ? ExtractFigures.complaintDays(q, pc, "b")
                                    : complaintDays(q, cmp.baseline(), cmp),
                    cdays =
                            pc.extract()
                                    ? ExtractFigures.complaintDays(q, pc, "c")
                                    : complaintDays(q, cmp.candidate(), cmp);
            feedback = new Feedback(sideFeedback(bd), sideFeedback(cdays), CanaryFeedback.byDay(bd, cdays));
            complaintTest = CanaryFeedback.overall(bd, cdays);
            if (complaintTest == null) unavailable.put("tests.complaint_rate", "a side has no requests in the window");
        }
        Tests tests =
                new Tests(ks, mw, psi == null ? null : psi.value(), psi == null ? null : psi.bins(), complaintTest);

        sink.progress(8, STEPS, "Breakdowns by segment and day");
        // an extract's rankings were counted at its own top k: at another k the groups get no divergence either
        Kind grouped = divergence == null && kind == Kind.RANKING && pc.extract() ? null : kind;
        Breakdowns breakdowns = new Breakdowns(
                DivergenceFigures.breakdown(q, pc, grouped, o, "segment"),
                DivergenceFigures.breakdown(q, pc, grouped, o, "day"));
        boolean planned = traffic.byDay().stream().anyMatch(d -> d.configuredShare() != null);
        Arms arms = ArmFigures.compute(q, pc, kind, o, planned);
        List<Finding> findings = new ArrayList<>(LatencyFigures.findings(latency, mw));
        if (arms.canary() && cov.paired() > 0) {
            // in a canary a request reaches one arm: one seen in both is a routing leak, not a pair
            findings.add(new Finding(
                    "routing_leak",
                    "warning",
                    (double) cov.paired(),
                    0.0,
                    FigureFormat.count(cov.paired()) + " requests were served by both " + cmp.baseline() + " and "
                            + cmp.candidate() + ": in a canary each request reaches one arm (routing leak?)"));
        }
        for (TrafficDay d : traffic.byDay()) {
            ShareCheck.Deviation dev = ShareCheck.check(
                    d.day(), d.configuredShare(), d.candidateRows(), d.baselineRows() + d.candidateRows());
            if (dev != null)
                findings.add(new Finding("traffic_share", "warning", dev.observed(), dev.configured(), dev.detail()));
        }
        if (pc.extract()) ExtractFigures.notInExtract(q, pc, kind, unavailable);
        sink.progress(STEPS, STEPS, "Summary ready");

        ComparisonInfo info = new ComparisonInfo(
                cmp.baseline().key(),
                cmp.candidate().key(),
                cmp.from(),
                cmp.to(),
                cmp.baseline().toString(),
                cmp.candidate().toString(),
                o.latencyBudgetMs(),
                recipe);
        return new Summary(
                info,
                counts,
                divergence,
                latency,
                tests,
                labels,
                findings,
                traffic,
                feedback,
                breakdowns,
                predictionHistograms,
                unavailable,
                arms);
    }

    /** Both sides' predictions on shared edges over the pooled central 99% (so a few absurd values don't flatten it). */
    private static Summary.PredictionHistograms predictionHistograms(Db q, String cdf, KsTest ks, SummaryOptions o)
            throws SQLException {
        if (ks == null) return null;
        Double[] r = TwoSampleTests.quantiles(q, cdf, "ca + cb", ks.n1() + ks.n2(), 0.005, 0.995);
        Double lo = r[0], hi = r[1];
        if (lo == null || hi == null) return null;
        return new Summary.PredictionHistograms(
                DivergenceFigures.histogram(q, "SELECT x AS v, na FROM " + cdf, "sum(na)", lo, hi, o.histogramBins()),
                DivergenceFigures.histogram(q, "SELECT x AS v, nb FROM " + cdf, "sum(nb)", lo, hi, o.histogramBins()));
    }

    private static Summary.Labels none(Map<String, String> unavailable) {
        unavailable.put("labels", "no paired requests to score");
        return new Summary.Labels(0, null, null, null, null);
    }

    /**
     * Rows per day and side; requests counts distinct request ids of both sides that day; the configured share is the
     * ramp plan's for the day.
     */
    private static Traffic traffic(Db q, PairedComparison pc, List<RampPlan.Step> plan) throws SQLException {
        List<TrafficDay> days = new ArrayList<>();
        // requests = ids of either side: a pair counts once, on its pairing day (count(DISTINCT) was the slow way)
        for (Object[] r : q.rows("WITH b AS (SELECT day, ids, rows AS n FROM " + pc.sideDays() + " WHERE side = 'b'), "
                + "c AS (SELECT day, ids, rows AS n FROM " + pc.sideDays() + " WHERE side = 'c'), "
                + "p AS (SELECT CAST(k AS DATE) AS day, n AS paired FROM " + pc.groupCounts() + " WHERE dim = 'day') "
                + "SELECT coalesce(b.day, c.day) AS d, coalesce(b.ids, 0) + coalesce(c.ids, 0) - coalesce(p.paired, 0), "
                + "coalesce(b.n, 0), coalesce(c.n, 0) FROM b FULL JOIN c ON b.day IS NOT DISTINCT FROM c.day "
                + "LEFT JOIN p ON p.day IS NOT DISTINCT FROM coalesce(b.day, c.day) ORDER BY d NULLS LAST")) {
            long bn = Db.lng(r[2]), cn = Db.lng(r[3]);
            LocalDate day = r[0] == null ? null : LocalDate.parse(r[0].toString());
            days.add(new TrafficDay(
                    day,
                    Db.lng(r[1]),
                    bn,
                    cn,
                    bn + cn == 0 ? null : (double) cn / (bn + cn),
                    RampPlan.shareOn(plan, day)));
        }
        return new Traffic(days, List.copyOf(plan));
    }

    /** One side's complaints over the window; null without requests. */
    private static SideFeedback sideFeedback(List<ComplaintCounts.Day> days) {
        ComplaintCounts.Day t = ComplaintCounts.total(days);
        return t.requests() == 0
                ? null
                : new SideFeedback(
                        t.requests(), t.withFeedback(), t.complaints(), (double) t.complaints() / t.requests());
    }

    /** One side's requests and complaints per day ({@link ComplaintCounts}). */
    private static List<ComplaintCounts.Day> complaintDays(Db q, Side side, Comparison cmp) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = side.where("p", params) + " AND " + cmp.windowWhere("p", params);
        return ComplaintCounts.fromRows(q.rows(ComplaintCounts.sql(where), params.toArray()));
    }

    /** What one side's deduplicated records populate. */
    private record SideProfile(long ids, long predictions, long classes, long rankings, long latencies, long feedback) {
        static SideProfile of(Db q, PairedComparison pc, String side) throws SQLException {
            Object[] r = q.row(
                    "SELECT sum(ids), sum(predictions), sum(classes), sum(rankings), sum(latencies), sum(feedback) FROM "
                            + pc.sideDays() + " WHERE side = ?",
                    side);
            return new SideProfile(Db.lng(r[0]), Db.lng(r[1]), Db.lng(r[2]), Db.lng(r[3]), Db.lng(r[4]), Db.lng(r[5]));
        }
    }
}
