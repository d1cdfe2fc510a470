package dev.shadowbench.core.decide;

/**
 * A decision about to be recorded: who decided what about which model version, at which stage and
 * traffic share, on which evidence (the gates' figures as JSON) and why (the note).
 */
public record DecisionDraft(
        DecisionType decision,
        String reviewer,
        String comparisonKey,
        String model,
        String version,
        String stage,
        Double trafficShare,
        String evidenceJson,
        String note) {}
