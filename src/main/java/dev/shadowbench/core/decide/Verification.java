package dev.shadowbench.core.decide;

import java.util.List;

/** Result of checking the decision log's hash chain: intact, or the records that were altered, inserted or removed. */
public record Verification(int records, List<Problem> problems) {

    /** One break in the chain, located by the record's sequence number. */
    public record Problem(long seq, String kind, String message) {}

    public boolean intact() { return problems.isEmpty(); }

    public String summaryLine() {
        if (intact()) return records == 0 ? "Decision log empty" : "Decision log verified: " + records + " record(s), chain intact";
        return "Decision log TAMPERED: " + problems.size() + " problem(s); first: " + problems.get(0).message();
    }
}
