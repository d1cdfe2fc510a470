package dev.shadowbench.core.decide;

import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.Statement;

/** Test-only: edits a workspace behind Shadowbench's back, as someone with the file and a SQL shell could. */
public final class Tamper {
    private Tamper() {}

    public static void sql(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Appends a decision with a chosen time, as the app would have days ago. */
    public static void appendAt(Workspace ws, DecisionDraft d, java.time.LocalDateTime at) throws Exception {
        try (Connection c = ws.connect()) {
            DecisionLog.append(c, d, at);
        }
    }
}
