package dev.shadowbench.core.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.workspace.WorkspaceSettings;
import java.sql.Connection;
import java.sql.SQLException;

/** Keeps the workspace's gate settings as JSON in the {@code settings} table (key {@value #KEY}). */
public final class GateSettingsStore {
    public static final String KEY = "decide.gate_settings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateSettingsStore() {}

    /** The saved settings, or the defaults when none were saved; the p99 budget is the workspace's latency budget. */
    public static GateSettings load(Connection c) throws SQLException {
        String json = WorkspaceSettings.get(c, KEY);
        GateSettings saved = json == null ? GateSettings.defaults() : parse(json, "workspace setting " + KEY);
        return saved.withLatencyBudgetMs(LatencyBudget.load(c));
    }

    public static void save(Connection c, GateSettings s) throws SQLException {
        try {
            WorkspaceSettings.put(c, KEY, JSON.writeValueAsString(s));
            if (s.latencyBudgetMs() != null) LatencyBudget.save(c, s.latencyBudgetMs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses settings JSON; missing fields keep their defaults. */
    public static GateSettings parse(String json, String where) {
        try {
            var defaults = JSON.valueToTree(GateSettings.defaults());
            var given = JSON.readTree(json);
            if (!given.isObject()) throw new BadInputException(where + ": gate settings must be a JSON object");
            ((com.fasterxml.jackson.databind.node.ObjectNode) defaults)
                    .setAll((com.fasterxml.jackson.databind.node.ObjectNode) given);
            return JSON.treeToValue(defaults, GateSettings.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": gate settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
