package dev.shadowbench.core.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.workspace.Transactions;
import dev.shadowbench.core.workspace.WorkspaceId;
import dev.shadowbench.core.workspace.WorkspaceSettings;
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
 * hash, and the head (last seq and hash) is kept in {@code settings} and, outside the file, in the settings folder
 * ({@link DecisionHeads}), so an edited, inserted or removed record, or an erased log, breaks the chain. A log that
 * does not verify is never extended. Without a secret key this catches edits, not a forger who rewrites every hash
 * and both heads.
 */
public final class DecisionLog {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    static final String HEAD_KEY = "decisions.head";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Times are stored and hashed at the TIMESTAMP column's full precision, microseconds. */
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

    private static final int MICROS_LENGTH = 26;
    private static final int MILLIS_LENGTH = 23;
    private static final String COLUMNS = "seq, strftime(decided_at, '%Y-%m-%dT%H:%M:%S.%f'), decision, reviewer, "
            + "comparison_key, model, version, stage, traffic_share, evidence_json, note, prev_hash, hash";

    private DecisionLog() {}

    /** Appends a decision decided now (UTC) and returns it as stored. */
    public static DecisionRecord append(Connection c, DecisionDraft d) throws SQLException {
        return append(c, d, LocalDateTime.now(ZoneOffset.UTC));
    }

    /** Appends a decision with the given time (UTC; kept to the microsecond, as stored), heads in this user's settings folder. */
    public static DecisionRecord append(Connection c, DecisionDraft d, LocalDateTime decidedAt) throws SQLException {
        return append(c, d, decidedAt, DecisionHeads.fromSystem());
    }

    /**
     * Appends a decision inside one transaction, after verifying the log: a log that does not verify is never extended
     * (a {@link TamperedLogException}), since a new record would link to the tampered state and make it look intact.
     */
    public static DecisionRecord append(Connection c, DecisionDraft d, LocalDateTime decidedAt, DecisionHeads heads)
            throws SQLException {
        if (d.decision() == null)
            throw new BadInputException("A decision needs a type (promote, hold, rollback, advance, retire)");
        if (d.reviewer() == null || d.reviewer().isBlank())
            throw new BadInputException("A decision needs a reviewer name");
        if (d.trafficShare() != null
                && (d.trafficShare() < 0
                        || d.trafficShare() > 1
                        || d.trafficShare().isNaN())) {
            throw new BadInputException("Traffic share must be between 0 and 1, not " + d.trafficShare());
        }
        String at = TS.format(decidedAt.truncatedTo(ChronoUnit.MICROS));
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Verification before = verify(c, heads);
            if (!before.intact()) {
                throw new TamperedLogException(
                        "The decision log does not verify, so the decision was NOT recorded "
                                + "(a new record would hide the damage): "
                                + before.problems().size() + " problem(s); first: "
                                + before.problems().get(0).message() + ". Run `decisions --verify` for the full list.",
                        before);
            }
            long seq = before.head().seq() + 1;
            String prev = before.head().hash();
            String id = WorkspaceId.ensure(c);
            String file = WorkspaceId.databaseFile(c);
            DecisionRecord r = new DecisionRecord(
                    seq,
                    at,
                    d.decision().id(),
                    d.reviewer().strip(),
                    d.comparisonKey(),
                    d.model(),
                    d.version(),
                    d.stage(),
                    d.trafficShare(),
                    d.evidenceJson(),
                    d.note(),
                    prev,
                    null);
            String hash = hash(r);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO decisions(seq, decided_at, decision, reviewer, comparison_key, model, version, stage, traffic_share, "
                            + "evidence_json, note, prev_hash, hash) VALUES (?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, r.decision());
                ps.setString(4, r.reviewer());
                ps.setString(5, r.comparisonKey());
                ps.setString(6, r.model());
                ps.setString(7, r.version());
                ps.setString(8, r.stage());
                if (r.trafficShare() == null) ps.setNull(9, java.sql.Types.DOUBLE);
                else ps.setDouble(9, r.trafficShare());
                ps.setString(10, r.evidenceJson());
                ps.setString(11, r.note());
                ps.setString(12, prev);
                ps.setString(13, hash);
                ps.executeUpdate();
            }
            WorkspaceSettings.put(c, HEAD_KEY, seq + " " + hash);
            Head next = new Head(seq, hash);
            boolean anchored = WorkspaceId.wellFormed(id);
            if (anchored) heads.writePending(id, file, before.head(), next);
            c.commit();
            if (anchored) {
                try {
                    heads.writeConfirmed(id, file, next);
                } catch (RuntimeException e) {
                    // The record is committed and the pending head already names it: the log still verifies.
                }
            }
            return new DecisionRecord(
                    seq,
                    at,
                    r.decision(),
                    r.reviewer(),
                    r.comparisonKey(),
                    r.model(),
                    r.version(),
                    r.stage(),
                    r.trafficShare(),
                    r.evidenceJson(),
                    r.note(),
                    prev,
                    hash);
        } catch (SQLException | RuntimeException e) {
            Transactions.rollback(c, e);
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
                out.add(new DecisionRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        ts,
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13)));
            }
        }
        return out;
    }

    /**
     * Re-computes every hash and link and compares the last record with the head stored in the workspace and the head kept
     * in this user's settings folder; names each record that was altered, inserted or removed.
     */
    public static Verification verify(Connection c) throws SQLException {
        return verify(c, DecisionHeads.fromSystem());
    }

    /** {@link #verify(Connection)} against the heads kept in {@code heads}. */
    public static Verification verify(Connection c, DecisionHeads heads) throws SQLException {
        return LogVerifier.verify(c, list(c), headValue(c), heads);
    }

    static String headValue(Connection c) throws SQLException {
        return WorkspaceSettings.get(c, HEAD_KEY);
    }

    /**
     * The canonical content (version 2): a JSON object with a fixed key order, every field but the hash itself, the time
     * at the column's full (microsecond) precision. The leading {@code "canonical": 2} keeps it from ever equalling a
     * version 1 form.
     */
    static String canonical(DecisionRecord r) {
        return canonical(r, 2);
    }

    /**
     * Version 1 (logs written before full-precision hashing): no version key, the time cut to milliseconds. Such a
     * record also had its stored time truncated to milliseconds, so {@link #hashMatches} accepts it only when the stored
     * time has no finer digits: a later sub-millisecond edit still breaks it.
     */
    static String canonicalV1(DecisionRecord r) {
        return canonical(r, 1);
    }

    /** True when the stored hash is the record's hash under the canonical form it was written with. */
    static boolean hashMatches(DecisionRecord r) {
        if (hash(r).equals(r.hash())) return true;
        String at = r.decidedAt();
        boolean millisOnly = at != null && at.length() == MICROS_LENGTH && at.endsWith("000");
        return millisOnly && sha256(canonicalV1(r)).equals(r.hash());
    }

    private static String canonical(DecisionRecord r, int version) {
        ObjectNode o = JSON.createObjectNode();
        if (version >= 2) o.put("canonical", version);
        o.put("seq", r.seq());
        String at = r.decidedAt();
        if (version == 1 && at != null && at.length() == MICROS_LENGTH) at = at.substring(0, MILLIS_LENGTH);
        o.put("decided_at", at);
        o.put("decision", r.decision());
        o.put("reviewer", r.reviewer());
        o.put("comparison_key", r.comparisonKey());
        o.put("model", r.model());
        o.put("version", r.version());
        o.put("stage", r.stage());
        if (r.trafficShare() == null) o.putNull("traffic_share");
        else o.put("traffic_share", r.trafficShare());
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
        return sha256(canonical(r));
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
