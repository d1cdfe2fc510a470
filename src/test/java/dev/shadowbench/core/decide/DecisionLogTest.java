package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {
    private Workspace ws;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.inMemory();
        c = ws.connect();
        LocalDateTime t = LocalDateTime.of(2026, 11, 20, 9, 0);
        for (int i = 0; i < 4; i++) {
            DecisionLog.append(
                    c,
                    new DecisionDraft(
                            i == 3 ? DecisionType.PROMOTE : DecisionType.ADVANCE,
                            "ana",
                            "live/*/* vs shadow/*/*",
                            "gbr",
                            "2.0.0",
                            "canary 1%",
                            0.01 * (i + 1),
                            "{\"verdict\":{\"recommendation\":\"promote\"}}",
                            "step " + i),
                    t.plusDays(i));
        }
    }

    @AfterEach
    void close() throws Exception {
        c.close();
        ws.close();
    }

    private void sql(String s) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    @Test
    void appendedRecordsChainAndVerify() throws Exception {
        List<DecisionRecord> rows = DecisionLog.list(c);
        assertEquals(4, rows.size());
        assertEquals(DecisionLog.GENESIS, rows.get(0).prevHash());
        for (int i = 1; i < rows.size(); i++)
            assertEquals(rows.get(i - 1).hash(), rows.get(i).prevHash());
        assertEquals("2026-11-21T09:00:00.000000", rows.get(1).decidedAt());
        assertEquals(0.02, rows.get(1).trafficShare());
        assertEquals(64, rows.get(0).hash().length());
        Verification v = DecisionLog.verify(c);
        assertTrue(v.intact(), v.summaryLine());
        assertEquals(4, v.records());
    }

    @Test
    void editedNoteIsDetectedAtItsSeq() throws Exception {
        sql("UPDATE decisions SET note = 'nothing to see' WHERE seq = 2");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertEquals(2, v.problems().get(0).seq());
        assertEquals("altered", v.problems().get(0).kind());
    }

    @Test
    void editedAndRehashedRecordBreaksTheNextLink() throws Exception {
        DecisionRecord r = DecisionLog.list(c).get(1);
        DecisionRecord forged = new DecisionRecord(
                r.seq(),
                r.decidedAt(),
                "hold",
                r.reviewer(),
                r.comparisonKey(),
                r.model(),
                r.version(),
                r.stage(),
                r.trafficShare(),
                r.evidenceJson(),
                r.note(),
                r.prevHash(),
                null);
        sql("UPDATE decisions SET decision = 'hold', hash = '" + DecisionLog.hash(forged) + "' WHERE seq = 2");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertEquals(3, v.problems().get(0).seq());
        assertEquals("link", v.problems().get(0).kind());
    }

    @Test
    void deletedRecordIsDetected() throws Exception {
        sql("DELETE FROM decisions WHERE seq = 3");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertEquals(3, v.problems().get(0).seq());
        assertEquals("removed", v.problems().get(0).kind());
    }

    @Test
    void deletedLatestRecordIsDetectedThroughTheHead() throws Exception {
        sql("DELETE FROM decisions WHERE seq = 4");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertEquals(4, v.problems().get(0).seq());
        assertEquals("removed", v.problems().get(0).kind());
    }

    @Test
    void insertedRecordIsDetected() throws Exception {
        sql(
                "INSERT INTO decisions SELECT seq, decided_at, 'promote', 'mallory', comparison_key, model, version, stage, "
                        + "traffic_share, evidence_json, note, prev_hash, hash FROM decisions WHERE seq = 2");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertTrue(
                v.problems().stream().anyMatch(p -> p.seq() == 2 && p.kind().equals("inserted")),
                v.problems().toString());
        assertTrue(
                v.problems().stream().anyMatch(p -> p.seq() == 2 && p.kind().equals("altered")),
                v.problems().toString());
    }

    @Test
    void recordAppendedOutsideTheAppIsDetected() throws Exception {
        DecisionRecord last = DecisionLog.list(c).get(3);
        DecisionRecord extra = new DecisionRecord(
                5,
                last.decidedAt(),
                "retire",
                "mallory",
                null,
                "gbr",
                "2.0.0",
                null,
                null,
                null,
                null,
                last.hash(),
                null);
        sql("INSERT INTO decisions VALUES (5, TIMESTAMP '" + last.decidedAt().replace('T', ' ')
                + "', 'retire', 'mallory', " + "NULL, 'gbr', '2.0.0', NULL, NULL, NULL, NULL, '" + last.hash() + "', '"
                + DecisionLog.hash(extra) + "')");
        Verification v = DecisionLog.verify(c);
        assertFalse(v.intact());
        assertEquals(5, v.problems().get(0).seq());
        assertEquals("inserted", v.problems().get(0).kind());
    }

    @Test
    void reviewerIsRequired() {
        assertThrows(
                BadInputException.class,
                () -> DecisionLog.append(
                        c, new DecisionDraft(DecisionType.HOLD, " ", null, null, null, null, null, null, null)));
        assertThrows(
                BadInputException.class,
                () -> DecisionLog.append(
                        c, new DecisionDraft(DecisionType.HOLD, "ana", null, null, null, null, 1.5, null, null)));
    }

    @Test
    void chainSurvivesReopeningTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(f);
                Connection cc = w.connect()) {
            DecisionLog.append(
                    cc, new DecisionDraft(DecisionType.HOLD, "bo", null, "m", "1", null, null, null, "ünïcode <b>"));
            DecisionLog.append(cc, new DecisionDraft(DecisionType.RETIRE, "bo", null, "m", "0", null, 0.0, null, null));
        }
        try (Workspace w = Workspace.open(f);
                Connection cc = w.connect()) {
            Verification v = DecisionLog.verify(cc);
            assertTrue(v.intact(), v.summaryLine());
            assertEquals(2, v.records());
        }
    }
}
