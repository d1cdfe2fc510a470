package dev.shadowbench.core.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The append-only decision log. There is deliberately no update or delete method: a decision is only
 * superseded by a later one. Each record's SHA-256 covers its canonical content and the previous record's
 * hash, and the head (last seq and hash) is kept in {@code settings}, so an edited, inserted or removed
 * record breaks the chain. Without a secret key this catches edits, not a forger who rewrites every hash.
 */
public final class DecisionLog {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    static final String HEAD_KEY = "decisions.head";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final String COLUMNS = "seq, strftime(decided_at, '%Y-%m-%dT%H:%M:%S.%g'), decision, reviewer, "
            + "comparison_key, model, version, stage, traffic_share, evidence_json, note, prev_hash, hash";

    private DecisionLog() {}

    /** Appends a decision decided now (UTC) and returns it as stored. */
    public static DecisionRecord append(Connection c, DecisionDraft d) throws SQLException {
        return append(c, d, LocalDateTime.now(ZoneOffset.UTC));
    }

    /** Appends a decision with the given time (UTC; truncated to milliseconds) inside one transaction. */
    public static DecisionRecord append(Connection c, DecisionDraft d, LocalDateTime decidedAt) throws SQLException {
        if (d.decision() == null) throw new BadInputException("A decision needs a type (promote, hold, rollback, advance, retire)");
        if (d.reviewer() == null || d.reviewer().isBlank()) throw new BadInputException("A decision needs a reviewer name");
        if (d.trafficShare() != null && (d.trafficShare() < 0 || d.trafficShare() > 1 || d.trafficShare().isNaN())) {
            throw new BadInputException("Traffic share must be between 0 and 1, not " + d.trafficShare());
        }
        String at = TS.format(decidedAt.truncatedTo(ChronoUnit.MILLIS));
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long seq = 1;
            String prev = GENESIS;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) { seq = rs.getLong(1) + 1; prev = rs.getString(2); }
            }
            DecisionRecord r = new DecisionRecord(seq, at, d.decision().id(), d.reviewer().strip(), d.comparisonKey(),
                    d.model(), d.version(), d.stage(), d.trafficShare(), d.evidenceJson(), d.note(), prev, null);
            String hash = hash(r);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO decisions VALUES (?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, r.decision());
                ps.setString(4, r.reviewer());
                ps.setString(5, r.comparisonKey());
                ps.setString(6, r.model());
                ps.setString(7, r.version());
                ps.setString(8, r.stage());
                if (r.trafficShare() == null) ps.setNull(9, java.sql.Types.DOUBLE); else ps.setDouble(9, r.trafficShare());
                ps.setString(10, r.evidenceJson());
                ps.setString(11, r.note());
                ps.setString(12, prev);
                ps.setString(13, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)")) {
                ps.setString(1, HEAD_KEY);
                ps.setString(2, seq + " " + hash);
                ps.executeUpdate();
            }
            c.commit();
            return new DecisionRecord(seq, at, r.decision(), r.reviewer(), r.comparisonKey(), r.model(), r.version(),
                    r.stage(), r.trafficShare(), r.evidenceJson(), r.note(), prev, hash);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Every record in the order of the chain (seq, then hash for duplicated seqs). */
    public static List<DecisionRecord> list(Connection c) throws SQLException {
        List<DecisionRecord> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM decisions ORDER BY seq, hash")) {
            while (rs.next()) {
                double share = rs.getDouble(9);
                Double ts = rs.wasNull() ? null : share;
                out.add(new DecisionRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), ts, rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)));
            }
        }
        return out;
    }

    /** Re-computes every hash and link; names each record that was altered, inserted or removed. */
    public static Verification verify(Connection c) throws SQLException {
        List<DecisionRecord> rows = list(c);
        List<Verification.Problem> problems = new ArrayList<>();
        String prevHash = GENESIS;
        long expected = 1;
        Long lastSeq = null;
        for (DecisionRecord r : rows) {
            boolean contentOk = hash(r).equals(r.hash());
            if (lastSeq != null && r.seq() == lastSeq) {
                problems.add(new Verification.Problem(r.seq(), "inserted",
                        "seq " + r.seq() + " appears more than once: a record was inserted"));
            } else if (r.seq() > expected) {
                for (long s = expected; s < r.seq(); s++) {
                    problems.add(new Verification.Problem(s, "removed", "seq " + s + " is missing: a record was removed"));
                }
            } else if (r.seq() < expected) {
                problems.add(new Verification.Problem(r.seq(), "inserted", "seq " + r.seq() + " is out of order: a record was inserted"));
            }
            if (!contentOk) {
                problems.add(new Verification.Problem(r.seq(), "altered",
                        "seq " + r.seq() + " was altered: its content no longer matches its hash"));
            } else if (!r.prevHash().equals(prevHash) && r.seq() == expected) {
                problems.add(new Verification.Problem(r.seq(), "link",
                        "seq " + r.seq() + " does not link to seq " + (r.seq() - 1)
                                + ": a record before it was altered and re-hashed, inserted or removed"));
            }
            prevHash = r.hash();
            lastSeq = r.seq();
            expected = Math.max(expected, r.seq() + 1);
        }
        String head = headValue(c);
        if (head != null) {
            String[] p = head.split(" ", 2);
            long headSeq = Long.parseLong(p[0]);
            if (lastSeq == null || headSeq > lastSeq) {
                long from = lastSeq == null ? 1 : lastSeq + 1;
                for (long s = from; s <= headSeq; s++) {
                    problems.add(new Verification.Problem(s, "removed", "seq " + s + " is missing: the latest record(s) were removed"));
                }
            } else if (headSeq < lastSeq) {
                for (long s = headSeq + 1; s <= lastSeq; s++) {
                    problems.add(new Verification.Problem(s, "inserted",
                            "seq " + s + " was added outside Shadowbench (after the recorded head seq " + headSeq + ")"));
                }
            } else if (!p[1].equals(prevHash)) {
                problems.add(new Verification.Problem(headSeq, "altered",
                        "seq " + headSeq + " does not match the recorded head hash: the latest record was altered"));
            }
        } else if (!rows.isEmpty()) {
            problems.add(new Verification.Problem(rows.get(0).seq(), "head",
                    "the log's head record is missing from settings: the log was written outside Shadowbench"));
        }
        return new Verification(rows.size(), List.copyOf(problems));
    }

    private static String headValue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, HEAD_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The canonical content: a JSON object with a fixed key order, every field but the hash itself. */
    static String canonical(DecisionRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", r.seq());
        o.put("decided_at", r.decidedAt());
        o.put("decision", r.decision());
        o.put("reviewer", r.reviewer());
        o.put("comparison_key", r.comparisonKey());
        o.put("model", r.model());
        o.put("version", r.version());
        o.put("stage", r.stage());
        if (r.trafficShare() == null) o.putNull("traffic_share"); else o.put("traffic_share", r.trafficShare());
        o.put("evidence_json", r.evidenceJson());
        o.put("note", r.note());
        o.put("prev_hash", r.prevHash());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(DecisionRecord r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical(r).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
