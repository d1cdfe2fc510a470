package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule on small hand-built pairs, robust scores against scipy, and the reasons' wording. */
class OutlierDetectorRulesTest {
    /** The handle to the temp table {@code pairs} this test fills (no comparison: the rules read only the table). */
    static final PairedComparison TEMP_PAIRS = new PairedComparison(null, null, "");

    private Workspace ws;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        ws = Workspace.inMemory();
        c = ws.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        ws.close();
    }

    /** Creates the temp table {@code pairs} as Pairing does, from columns b, c, label, b latency, c latency. */
    private void pairs(Double[] b, Double[] cand, Double[] label, Double[] bl, Double[] cl) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "CREATE OR REPLACE TEMP TABLE pairs(request_id VARCHAR, ts TIMESTAMP, day DATE, segment VARCHAR, "
                            + "b_prediction DOUBLE, c_prediction DOUBLE, b_class VARCHAR, c_class VARCHAR, b_ranking VARCHAR[], "
                            + "c_ranking VARCHAR[], b_latency DOUBLE, c_latency DOUBLE, b_feedback VARCHAR, c_feedback VARCHAR, "
                            + "label DOUBLE, label_class VARCHAR)");
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO pairs(request_id, day, b_prediction, c_prediction, label, "
                        + "b_latency, c_latency) VALUES (?, DATE '2026-11-20', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < b.length; i++) {
                ps.setString(1, "r" + i);
                ps.setObject(2, b[i]);
                ps.setObject(3, cand[i]);
                ps.setObject(4, label == null ? null : label[i]);
                ps.setObject(5, bl == null ? null : bl[i]);
                ps.setObject(6, cl == null ? null : cl[i]);
                ps.executeUpdate();
            }
        }
    }

    private OutlierReport detect(String... assignments) throws SQLException {
        return OutlierDetector.detect(c, TEMP_PAIRS, OutlierSettings.parse(List.of(assignments)), ProgressSink.NONE);
    }

    private static List<Outlier> of(OutlierReport r, String rule) {
        return r.flagged().stream().filter(o -> o.rule().equals(rule)).toList();
    }

    // Eleven pairs, the last one extreme: for the rules that need no spread (negative, latency, cancelling).
    private static final Double[] LOG_C = {40.0, 42.0, 38.0, 45.0, 41.0, 39.0, 44.0, 37.0, 43.0, 40.5, 2000.0};
    private static final Double[] LOG_B = {41.0, 41.0, 39.0, 44.0, 40.0, 40.0, 45.0, 38.0, 42.0, 41.0, 41.0};

    // 41 pairs, the last one extreme; robust SD = 1.4826 x MAD. Reference figures:
    // python3 -c "import numpy as np
    //   i=np.arange(41); b=40.0+(i*7%11); c=np.round(b*(1+((i*5%9)-4)/100),2); c[-1]=2000.0; b[-1]=41.0
    //   def z(x): m=np.median(x); return (x[-1]-m)/(1.4826*np.median(np.abs(x-m)))
    //   tc=np.log(c); print(repr(z(tc)), repr(z(tc-np.log(b))))"
    // -> 38.72770006421609 129.78302302720925 (the other pairs score at most 1.69 and 1.36)
    private static final Double[] SPAN_C = {
        38.4, 47.47, 41.71, 51.0, 45.08, 43.26, 48.51, 46.8, 41.0, 46.08, 44.44, 38.8, 47.94, 42.14, 51.5, 45.54, 43.68,
        49.0, 43.2, 41.41, 46.56, 44.88, 39.2, 48.41, 42.57, 52.0, 46.0, 40.32, 49.49, 43.65, 41.82, 47.04, 45.32, 39.6,
        48.88, 43.0, 48.0, 46.46, 40.74, 49.98, 2000.0
    };
    private static final Double[] SPAN_B = {
        40.0, 47.0, 43.0, 50.0, 46.0, 42.0, 49.0, 45.0, 41.0, 48.0, 44.0, 40.0, 47.0, 43.0, 50.0, 46.0, 42.0, 49.0,
                45.0,
        41.0, 48.0, 44.0, 40.0, 47.0, 43.0, 50.0, 46.0, 42.0, 49.0, 45.0, 41.0, 48.0, 44.0, 40.0, 47.0, 43.0, 50.0,
                46.0,
        42.0, 49.0, 41.0
    };

    @Test
    void positiveDataAreScoredOnALogScaleLikeNumpy() throws SQLException {
        pairs(SPAN_B, SPAN_C, null, null, null);
        OutlierReport r = detect();
        List<Outlier> extreme = of(r, "extreme"), divergence = of(r, "divergence");
        assertEquals(1, extreme.size());
        assertEquals("r40", extreme.get(0).requestId());
        assertEquals(38.72770006421609, extreme.get(0).score(), 1e-9);
        assertEquals(1, divergence.size());
        assertEquals(129.78302302720925, divergence.get(0).score(), 1e-9);
        assertEquals(
                "candidate 2,000 is 38.7 robust SDs above the candidate median 45.3, on a log scale (baseline 41)",
                extreme.get(0).detail());
        assertEquals(
                "candidate 2,000 is 48.8x the baseline 41; the typical ratio is 1x, so this is 129.8 robust SDs above it"
                        + " (log scale)",
                divergence.get(0).detail());
        assertEquals(41, r.pairs());
        assertEquals(1, r.flaggedPairs());
        assertEquals(2, r.totalFlags());
        assertEquals(
                Set.of("r40"),
                OutlierDetector.flaggedAmong(
                        c,
                        TEMP_PAIRS,
                        OutlierSettings.parse(List.of()),
                        List.of("r1", "r40", "nope"),
                        ProgressSink.NONE));
    }

    // python3 -c "import numpy as np
    //   i=np.arange(41); b=np.round(np.sin(i)*2+1,1); c=np.round(b+((i*3%7)-3)/10,1); c[-1]=60.0; b[-1]=1.0
    //   def z(x): m=np.median(x); return (x[-1]-m)/(1.4826*np.median(np.abs(x-m)))
    //   print(repr(z(c)), repr(z(c-b)))"
    // -> 30.559619794747274 198.9747740455956 (13 negative baselines and candidates; the others score at most 1.14 and
    // 1.01)
    @Test
    void dataWithNegativeBaselineAreScoredLinearlyAndNegativesAreNotSuspicious() throws SQLException {
        pairs(
                new Double[] {
                    1.0, 2.7, 2.8, 1.3, -0.5, -0.9, 0.4, 2.3, 3.0, 1.8, -0.1, -1.0, -0.1, 1.8, 3.0, 2.3, 0.4, -0.9,
                    -0.5, 1.3, 2.8, 2.7, 1.0, -0.7, -0.8, 0.7, 2.5, 2.9, 1.5, -0.3, -1.0, 0.2, 2.1, 3.0, 2.1, 0.1, -1.0,
                    -0.3, 1.6, 2.9, 1.0
                },
                new Double[] {
                    0.7, 2.7, 3.1, 1.2, -0.3, -1.1, 0.5, 2.0, 3.0, 2.1, -0.2, -0.8, -0.3, 1.9, 2.7, 2.3, 0.7, -1.0,
                    -0.3, 1.1, 2.9, 2.4, 1.0, -0.4, -0.9, 0.9, 2.3, 3.0, 1.2, -0.3, -0.7, 0.1, 2.3, 2.8, 2.2, -0.2,
                    -1.0, 0.0, 1.5, 3.1, 60.0
                },
                null,
                null,
                null);
        OutlierReport r = detect();
        assertEquals(30.559619794747274, of(r, "extreme").get(0).score(), 1e-9);
        assertEquals(198.9747740455956, of(r, "divergence").get(0).score(), 1e-9);
        assertEquals(1, r.flaggedPairs());
        assertEquals(0, r.countsByRule().get("negative"));
        assertEquals(
                "candidate 60 differs from the baseline 1 by +59; the typical difference is +0, so this is 199 robust"
                        + " SDs above it",
                of(r, "divergence").get(0).detail());
    }

    // A classifier's probabilities: r39 flipped (0.02 -> 0.98), r40 a percentage-like 1.6. Reference figure:
    // python3 -c "import numpy as np
    //   i=np.arange(41); b=np.round(0.1+0.8*(i%10)/9,3); c=np.round(b+((i*3%7)-3)/200,3)
    //   b[39],c[39]=0.02,0.98; b[40],c[40]=0.4,1.6
    //   def lo(x): p=np.clip(x,1e-5,1-1e-5); return np.where((x>=0)&(x<=1),np.log(p/(1-p)),np.nan)
    //   d=lo(c)-lo(b); ok=d[~np.isnan(d)]; m=np.median(ok); print(repr((d[39]-m)/(1.4826*np.median(np.abs(ok-m)))))"
    // -> 113.40675894597491 (the other pairs score at most 2.61, their candidates at most 2.79)
    @Test
    void scoresAreComparedInLogOddsAndAScoreAboveOneIsFlagged() throws SQLException {
        Double[] b = new Double[41], cand = new Double[41];
        for (int i = 0; i < 39; i++) {
            b[i] = Math.round((0.1 + 0.8 * (i % 10) / 9) * 1000) / 1000.0;
            cand[i] = Math.round((b[i] + ((i * 3 % 7) - 3) / 200.0) * 1000) / 1000.0;
        }
        b[39] = 0.02;
        cand[39] = 0.98;
        b[40] = 0.4;
        cand[40] = 1.6;
        pairs(b, cand, null, null, null);
        OutlierReport r = detect();
        assertEquals(
                List.of("r39"),
                of(r, "divergence").stream().map(Outlier::requestId).toList());
        assertEquals(113.40675894597491, of(r, "divergence").get(0).score(), 1e-9);
        assertEquals(
                "candidate 0.98 and baseline 0.02 differ by +7.78 in log-odds; the typical difference is +0, so this"
                        + " is 113.4 robust SDs above it",
                of(r, "divergence").get(0).detail());
        assertEquals(
                List.of("r40"),
                of(r, "above_one").stream().map(Outlier::requestId).toList());
        assertEquals(
                "candidate 1.6 is above 1, but the baseline is a score that never leaves [0, 1] here (baseline on this "
                        + "request 0.4): a percentage, a raw margin or another unit?",
                of(r, "above_one").get(0).detail());
        assertEquals(2, r.flaggedPairs());
        assertTrue(of(detect("above_one.enabled=false"), "above_one").isEmpty());
    }

    @Test
    void negativeCandidateIsFlaggedWhereTheBaselineNeverGoesNegative() throws SQLException {
        Double[] cand = LOG_C.clone();
        cand[3] = -12.5;
        pairs(LOG_B, cand, null, null, null);
        List<Outlier> neg = of(detect(), "negative");
        assertEquals(1, neg.size());
        assertEquals(
                "candidate -12.5 is negative, but the baseline never goes below 0 here (its minimum is 38; "
                        + "baseline on this request 44)",
                neg.get(0).detail());
        assertTrue(of(detect("negative.enabled=false"), "negative").isEmpty());
    }

    @Test
    void candidateEqualToTheLabelAtItsPrecisionIsALeak() throws SQLException {
        // labels have 2 decimals; r0 matches exactly, r1 matches but so does the baseline (within 0.005),
        // r2 is 0.0001 off while the baseline is 9.75 off (leak), the rest have ordinary errors.
        Double[] label = {40.13, 40.13, 50.25, 30.10, 35.55, 41.20, 38.05, 44.40, 39.90, 42.75};
        Double[] cand = {40.13, 40.13, 50.2501, 31.2, 34.1, 43.0, 37.0, 45.9, 41.2, 41.0};
        Double[] b = {43.0, 40.132, 60.0, 32.0, 37.9, 39.0, 40.1, 46.0, 37.5, 45.1};
        pairs(b, cand, label, null, null);
        OutlierReport r = detect();
        List<Outlier> match = of(r, "label_match"), leak = of(r, "leak");
        assertEquals(List.of("r0"), match.stream().map(Outlier::requestId).toList());
        assertEquals(
                "candidate 40.13 equals the label 40.13 to its 2 logged decimals while the baseline 43 is 2.87 off: "
                        + "a label leak, not a miracle",
                match.get(0).detail());
        assertEquals(List.of("r2"), leak.stream().map(Outlier::requestId).toList());
        assertTrue(
                leak.get(0).detail().startsWith("candidate error 1.00e-04 is 0.001% of the baseline's error 9.75"),
                leak.get(0).detail());
        // with label_match off, the leak rule still catches the exact match
        assertEquals(
                Set.of("r0", "r2"),
                Set.copyOf(of(detect("label_match.enabled=false"), "leak").stream()
                        .map(Outlier::requestId)
                        .toList()));
    }

    @Test
    void implausibleOverallMarginIsABanner() throws SQLException {
        int n = 40;
        Double[] b = new Double[n], cand = new Double[n], label = new Double[n];
        for (int i = 0; i < n; i++) {
            label[i] = 30.0 + i;
            b[i] = label[i] + (i % 2 == 0 ? 4.0 : -4.0);
            cand[i] = label[i] + (i % 2 == 0 ? 0.5 : -0.5);
        }
        pairs(b, cand, label, null, null);
        Finding f = detect().findings().stream()
                .filter(x -> x.rule().equals("margin"))
                .findFirst()
                .orElseThrow();
        assertEquals(Finding.WARNING, f.severity());
        assertEquals(0.125, f.value(), 1e-12);
        assertEquals(0.5, f.threshold());
        assertTrue(
                f.detail().contains("mean absolute error 0.5 is 12.5% of the baseline's 4 over 40 labelled pairs"),
                f.detail());
        assertTrue(detect("margin.min_labels=41").findings().stream()
                .noneMatch(x -> x.rule().equals("margin")));
    }

    @Test
    void degenerateOutputIsReported() throws SQLException {
        Double[] b = {10.0, 20.0, 30.0, 40.0, 50.0, 60.0};
        pairs(b, new Double[] {7.0, 7.0, 7.0, 7.0, 7.0, 7.0}, null, null, null);
        Finding constant = detect().findings().stream()
                .filter(x -> x.rule().equals("constant"))
                .findFirst()
                .orElseThrow();
        assertEquals(Finding.ERROR, constant.severity());
        assertEquals(
                "The candidate gives the same answer 7 to all 6 requests: a constant or default output.",
                constant.detail());

        pairs(b, new Double[] {7.0, 7.0, 7.0, 7.0, 12.0, Double.NaN}, null, null, null);
        OutlierReport r = detect();
        assertEquals(
                List.of("r5"),
                of(r, "nonfinite").stream().map(Outlier::requestId).toList());
        assertTrue(
                r.findings().stream().anyMatch(x -> x.rule().equals("nonfinite") && x.value() == 1.0),
                r.findings().toString());
        Finding mode = r.findings().stream()
                .filter(x -> x.rule().equals("mode_share"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.8, mode.value(), 1e-12);

        pairs(b, new Double[] {11.0, null, 29.0, null, 52.0, 61.0}, null, null, null);
        Finding nulls = detect().findings().stream()
                .filter(x -> x.rule().equals("null_jump"))
                .findFirst()
                .orElseThrow();
        assertEquals(2 / 6.0, nulls.value(), 1e-12);
        assertFalse(detect("degenerate.enabled=false").findings().stream()
                .anyMatch(x -> x.rule().equals("null_jump")));
    }

    @Test
    void latencyIsReportedAsSharesAndFastAnswersAreFlagged() throws SQLException {
        Double[] cl = {20.0, 22.0, 25.0, 19.0, 21.0, 0.1, 900.0, 23.0, 24.0, 20.5, 22.5};
        Double[] bl = {18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0};
        pairs(LOG_B, LOG_B, null, bl, cl);
        OutlierReport r = detect();
        assertEquals(
                List.of("r5"),
                of(r, "latency_fast").stream().map(Outlier::requestId).toList());
        assertEquals(
                "candidate answered in 0.1 ms, 220x faster than its median 22 ms (baseline 23 ms on this request): "
                        + "a cached or default answer?",
                of(r, "latency_fast").get(0).detail());
        Finding fast = r.findings().stream()
                .filter(x -> x.rule().equals("latency_fast"))
                .findFirst()
                .orElseThrow();
        assertEquals(Finding.WARNING, fast.severity());
        assertEquals(1 / 11.0, fast.value(), 1e-12);
        Finding slow = r.findings().stream()
                .filter(x -> x.rule().equals("latency_slow"))
                .findFirst()
                .orElseThrow();
        assertEquals(Finding.WARNING, slow.severity());
        assertEquals(1 / 11.0, slow.value(), 1e-12);
        assertEquals(
                List.of("r6", "r2"),
                OutlierDetector.worstLatency(c, TEMP_PAIRS, true, 2).stream()
                        .map(OutlierDetector.LatencyRow::requestId)
                        .toList());

        pairs(LOG_B, LOG_B, null, null, null);
        Finding none = detect().findings().stream()
                .filter(x -> x.rule().equals("latency_fast"))
                .findFirst()
                .orElseThrow();
        assertEquals("Candidate latency not recorded in these logs.", none.detail());
    }

    @Test
    void listingIsCappedPerRuleButCountsAreNot() throws SQLException {
        Double[] cl = new Double[40], b = new Double[40];
        for (int i = 0; i < 40; i++) {
            b[i] = 40.0 + i % 7;
            cl[i] = i < 5 ? 0.01 * (i + 1) : 20.0 + i % 5;
        }
        pairs(b, b, null, null, cl);
        OutlierReport r = OutlierDetector.detect(c, TEMP_PAIRS, OutlierSettings.defaults(), ProgressSink.NONE, 2);
        assertEquals(5, r.countsByRule().get("latency_fast"));
        // worst first: the fastest answers
        assertEquals(
                List.of("r0", "r1"),
                of(r, "latency_fast").stream().map(Outlier::requestId).toList());
    }

    @Test
    void noPairsMeansNoFlagsAndNoBanners() throws SQLException {
        pairs(new Double[0], new Double[0], null, null, null);
        OutlierReport r = detect();
        assertEquals(0, r.pairs());
        assertEquals(0, r.totalFlags());
        assertTrue(r.findings().isEmpty());
        assertEquals(0.0, r.flaggedShare());
    }

    @Test
    void cancellingStopsTheDetector() throws SQLException {
        pairs(LOG_B, LOG_C, null, null, null);
        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(
                dev.shadowbench.core.task.CancelledException.class,
                () -> OutlierDetector.detect(c, TEMP_PAIRS, OutlierSettings.defaults(), cancelled));
    }
}
