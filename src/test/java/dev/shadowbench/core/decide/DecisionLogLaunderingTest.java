package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.core.workspace.WorkspaceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 case 4: tampering cannot be laundered by a later decide, an erased log is caught, heads never crash. */
class DecisionLogLaunderingTest {
    @TempDir
    Path dir;

    private Workspace ws;
    private Connection c;
    private DecisionHeads heads;
    private final LocalDateTime t = LocalDateTime.of(2026, 11, 20, 9, 0, 0, 123_456_000);

    @BeforeEach
    void open() throws Exception {
        heads = new DecisionHeads(dir.resolve("home/decision-heads"));
        ws = Workspace.open(dir.resolve("ws.duckdb"));
        c = ws.connect();
        for (int i = 0; i < 3; i++) append(t.plusDays(i));
    }

    @AfterEach
    void close() throws Exception {
        c.close();
        ws.close();
    }

    private DecisionRecord append(LocalDateTime at) throws Exception {
        return DecisionLog.append(
                c,
                new DecisionDraft(
                        DecisionType.HOLD,
                        "ana",
                        "live/*/* vs shadow/*/*",
                        "gbr",
                        "2.0.0",
                        "shadow",
                        0.0,
                        "{}",
                        "wait"),
                at,
                heads);
    }

    private void sql(String s) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    private long rows() throws Exception {
        return DecisionLog.list(c).size();
    }

    @Test
    void aDecideAfterRemovingTheLatestRecordIsRefusedAndTheDamageStaysVisible() throws Exception {
        sql("DELETE FROM decisions WHERE seq = 3");
        TamperedLogException e = assertThrows(TamperedLogException.class, () -> append(t.plusDays(5)));
        assertTrue(
                e.getMessage().contains("NOT recorded") && e.getMessage().contains("seq 3 is missing"), e.getMessage());
        assertEquals(2, rows(), "nothing appended to a broken log");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact(), "before the fix the next decide re-used seq 3 and verify said 'chain intact'");
    }

    @Test
    void removingTheLatestRecordAndRewritingTheStoredHeadIsCaughtByTheHeadOutsideTheFile() throws Exception {
        DecisionRecord second = DecisionLog.list(c).get(1);
        sql("DELETE FROM decisions WHERE seq = 3");
        sql("UPDATE settings SET value = '2 " + second.hash() + "' WHERE key = 'decisions.head'");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact());
        assertEquals("removed", v.problems().get(0).kind());
        assertTrue(
                v.problems().get(0).message().contains("decision-heads"),
                v.problems().get(0).message());
        assertThrows(TamperedLogException.class, () -> append(t.plusDays(5)));
    }

    @Test
    void erasingEveryRecordAndTheStoredHeadIsNotAnEmptyLog() throws Exception {
        sql("DELETE FROM decisions");
        sql("DELETE FROM settings WHERE key = 'decisions.head'");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact(), "before the fix: 'Decision log empty'");
        assertEquals(
                List.of(1L, 2L, 3L),
                v.problems().stream().map(Verification.Problem::seq).toList());
    }

    @Test
    void erasingTheWorkspaceIdTooIsCaughtByTheFilePathKeptWithTheHead() throws Exception {
        sql("DELETE FROM decisions");
        sql("DELETE FROM settings WHERE key IN ('decisions.head', 'workspace.id')");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact());
        assertTrue(
                v.problems().get(0).message().contains("workspace has no id"),
                v.problems().get(0).message());
    }

    @Test
    void aMalformedStoredHeadIsAProblemNamedNotAJavaException() throws Exception {
        sql("UPDATE settings SET value = 'three ' WHERE key = 'decisions.head'");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact());
        assertTrue(
                v.problems().get(0).message().contains("malformed: 'three '"),
                v.problems().get(0).message());
        sql("UPDATE settings SET value = '99999999999999999999999 " + "a".repeat(64)
                + "' WHERE key = 'decisions.head'");
        assertFalse(
                DecisionLog.verify(c, heads).intact(),
                "an out-of-range seq is malformed too, not a NumberFormatException");
    }

    @Test
    void aMalformedHeadInTheSettingsFolderIsAProblemNamingTheFile() throws Exception {
        Path f = heads.file(WorkspaceId.read(c));
        Files.writeString(f, "head=\\u00zz broken\n");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact());
        assertTrue(
                v.problems().get(0).message().contains(f.getFileName().toString()),
                v.problems().get(0).message());
    }

    @Test
    void aSubMillisecondEditOfTheTimeBreaksTheHash() throws Exception {
        assertEquals("2026-11-21T09:00:00.123456", DecisionLog.list(c).get(1).decidedAt(), "stored at full precision");
        sql("UPDATE decisions SET decided_at = decided_at + INTERVAL 1 MICROSECOND WHERE seq = 2");
        Verification v = DecisionLog.verify(c, heads);
        assertFalse(v.intact(), "before the fix the time was hashed to the millisecond, so this edit went unseen");
        assertEquals("altered", v.problems().get(0).kind());
    }

    @Test
    void recordsHashedWithTheVersion1FormStillVerifyButTheirSubMillisecondsCannotBeEdited() throws Exception {
        sql("DELETE FROM decisions");
        sql("DELETE FROM settings WHERE key = 'decisions.head'");
        Files.deleteIfExists(heads.file(WorkspaceId.read(c)));
        DecisionRecord legacy = new DecisionRecord(
                1,
                "2026-11-01T08:00:00.250000",
                "hold",
                "ana",
                null,
                "gbr",
                "1.0",
                null,
                null,
                null,
                "old",
                DecisionLog.GENESIS,
                null);
        String v1 = sha(DecisionLog.canonicalV1(legacy));
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO decisions VALUES (1, TIMESTAMP '2026-11-01 08:00:00.250', "
                        + "'hold', 'ana', NULL, 'gbr', '1.0', NULL, NULL, NULL, 'old', ?, ?)")) {
            ps.setString(1, DecisionLog.GENESIS);
            ps.setString(2, v1);
            ps.executeUpdate();
        }
        sql("INSERT INTO settings VALUES ('decisions.head', '1 " + v1 + "')");
        assertTrue(
                DecisionLog.verify(c, heads).intact(),
                DecisionLog.verify(c, heads).summaryLine());
        DecisionRecord next = append(t.plusDays(9));
        assertEquals(v1, next.prevHash(), "a new record (version 2) links onto a version 1 log");
        assertTrue(DecisionLog.verify(c, heads).intact());
        sql("UPDATE decisions SET decided_at = decided_at + INTERVAL 7 MICROSECOND WHERE seq = 1");
        assertFalse(DecisionLog.verify(c, heads).intact());
    }

    @Test
    void aCrashBetweenTheHeadsAndTheCommitStillVerifies() throws Exception {
        String id = WorkspaceId.read(c);
        DecisionRecord last = DecisionLog.list(c).get(2);
        Head head = new Head(3, last.hash());
        // killed after the pending head was written, before the workspace committed seq 4
        heads.writePending(id, ws.file().toString(), head, new Head(4, "b".repeat(64)));
        assertTrue(DecisionLog.verify(c, heads).intact());
        // killed after the commit of seq 4, before the head was confirmed
        DecisionRecord fourth = append(t.plusDays(4));
        heads.writePending(id, ws.file().toString(), head, new Head(4, fourth.hash()));
        assertTrue(DecisionLog.verify(c, heads).intact());
    }

    private static String sha(String s) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
