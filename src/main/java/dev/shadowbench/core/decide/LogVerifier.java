package dev.shadowbench.core.decide;

import dev.shadowbench.core.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the decision log three ways: the hash chain itself, the head stored in the workspace, and the head kept in
 * the settings folder ({@link DecisionHeads}). A problem is reported once per seq and kind.
 */
final class LogVerifier {
    private final Map<String, Verification.Problem> problems = new LinkedHashMap<>();

    private LogVerifier() {}

    static Verification verify(Connection c, List<DecisionRecord> rows, String dbHead, DecisionHeads heads)
            throws SQLException {
        LogVerifier v = new LogVerifier();
        Head last = v.chain(rows);
        v.databaseHead(dbHead, last, rows.isEmpty());
        String anchor = v.externalHead(c, heads, last);
        return new Verification(rows.size(), List.copyOf(v.problems.values()), last, anchor);
    }

    private void add(long seq, String kind, String message) {
        problems.putIfAbsent(seq + "/" + kind, new Verification.Problem(seq, kind, message));
    }

    /** Walks the chain; returns its last record as a head. */
    private Head chain(List<DecisionRecord> rows) {
        String prevHash = DecisionLog.GENESIS;
        long expected = 1;
        Long lastSeq = null;
        for (DecisionRecord r : rows) {
            boolean contentOk = DecisionLog.hashMatches(r);
            if (lastSeq != null && r.seq() == lastSeq) {
                add(r.seq(), "inserted", "seq " + r.seq() + " appears more than once: a record was inserted");
            } else if (r.seq() > expected) {
                for (long s = expected; s < r.seq(); s++)
                    add(s, "removed", "seq " + s + " is missing: a record was removed");
            } else if (r.seq() < expected) {
                add(r.seq(), "inserted", "seq " + r.seq() + " is out of order: a record was inserted");
            }
            if (!contentOk) {
                add(r.seq(), "altered", "seq " + r.seq() + " was altered: its content no longer matches its hash");
            } else if (!r.prevHash().equals(prevHash) && r.seq() == expected) {
                add(
                        r.seq(),
                        "link",
                        "seq " + r.seq() + " does not link to seq " + (r.seq() - 1)
                                + ": a record before it was altered and re-hashed, inserted or removed");
            }
            prevHash = r.hash();
            lastSeq = r.seq();
            expected = Math.max(expected, r.seq() + 1);
        }
        return lastSeq == null ? Head.EMPTY : new Head(lastSeq, prevHash);
    }

    private void databaseHead(String stored, Head last, boolean empty) {
        if (stored == null) {
            if (!empty)
                add(
                        1,
                        "head",
                        "the log's head record is missing from settings: the log was written outside Shadowbench");
            return;
        }
        Head head;
        try {
            head = Head.parse(stored, "head stored in the workspace (settings key " + DecisionLog.HEAD_KEY + ")");
        } catch (Head.MalformedHeadException e) {
            add(0, "head", e.getMessage());
            return;
        }
        compare(head, last, "the head stored in the workspace");
    }

    /** Compares a recorded head with the chain's last record; {@code whose} names where the head was kept. */
    private void compare(Head head, Head last, String whose) {
        if (head.seq() > last.seq()) {
            for (long s = last.seq() + 1; s <= head.seq(); s++) {
                add(
                        s,
                        "removed",
                        "seq " + s + " is missing: " + whose + " is at seq " + head.seq()
                                + ", so the latest record(s) were removed");
            }
        } else if (head.seq() < last.seq()) {
            for (long s = head.seq() + 1; s <= last.seq(); s++) {
                add(
                        s,
                        "inserted",
                        "seq " + s + " was added outside Shadowbench (" + whose + " is at seq " + head.seq() + ")");
            }
        } else if (!head.hash().equals(last.hash())) {
            add(
                    head.seq(),
                    "altered",
                    "seq " + head.seq() + " does not match " + whose + ": the latest record was altered");
        }
    }

    /** Checks the head kept in the settings folder; returns where it is kept, for the report's head line. */
    private String externalHead(Connection c, DecisionHeads heads, Head last) throws SQLException {
        String id = WorkspaceId.read(c);
        String file = WorkspaceId.databaseFile(c);
        if (id == null) {
            for (DecisionHeads.Stored s : heads.forWorkspaceFile(file)) {
                if (s.confirmed().seq() > 0) {
                    add(
                            0,
                            "head",
                            "the workspace has no id, but " + s.file() + " keeps a decision log head for this file at "
                                    + s.confirmed().display()
                                    + ": the log and the workspace id were erased (if this file was "
                                    + "replaced by another workspace on purpose, delete " + s.file() + ")");
                }
            }
            return last.seq() == 0 ? null : "no copy in the settings folder: the workspace has no id";
        }
        if (!WorkspaceId.wellFormed(id)) {
            add(
                    0,
                    "head",
                    "the workspace id '" + id.replaceAll("\\p{Cntrl}", "?") + "' (settings key workspace.id) is "
                            + "malformed: it was edited outside Shadowbench");
            return null;
        }
        DecisionHeads.Lookup found = heads.read(id);
        if (found.problem() != null) {
            add(0, "head", found.problem());
            return null;
        }
        DecisionHeads.Stored s = found.stored();
        if (s == null) return last.seq() == 0 ? null : "no copy in this user's settings folder";
        if (!s.matches(last)) {
            String whose = "the head kept in " + s.file()
                    + (s.workspace() != null && !s.workspace().equals(file)
                            ? " (last written for " + s.workspace()
                                    + ": a copy of this workspace that was extended there, or this file was cut short)"
                            : "");
            compare(s.confirmed(), last, whose);
        }
        return "also kept in the settings folder as decision-heads/" + s.file().getFileName();
    }
}
