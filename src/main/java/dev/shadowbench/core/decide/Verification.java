package dev.shadowbench.core.decide;

import java.util.List;

/**
 * Result of checking the decision log: its hash chain, the head stored in the workspace and the head kept in the
 * settings folder. Intact, or the records that were altered, inserted or removed; {@code head} is the log's last
 * record as found, {@code anchor} says where else the head is kept (or that it is not, on this machine).
 */
public record Verification(int records, List<Problem> problems, Head head, String anchor) {

    /** One break in the chain, located by the record's sequence number. */
    public record Problem(long seq, String kind, String message) {}

    public Verification(int records, List<Problem> problems) {
        this(records, problems, null, null);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    public String summaryLine() {
        if (intact())
            return records == 0
                    ? "Decision log empty"
                    : "Decision log verified: " + records + " record(s), chain intact";
        return "Decision log TAMPERED: " + problems.size() + " problem(s); first: "
                + problems.get(0).message();
    }

    /** "decision log head: seq N, hash abcd…", printed in every report so an erased or shortened log can be told. */
    public String headLine() {
        return "decision log head: " + (head == null ? "unknown" : head.display())
                + (anchor == null ? "" : " (" + anchor + ")");
    }
}
