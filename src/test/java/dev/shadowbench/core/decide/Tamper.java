package dev.shadowbench.core.decide;

import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.Statement;

/** Test-only: edits a workspace behind Shadowbench's back, as someone with the file and a SQL shell could. */
public final class Tamper {
    private Tamper() {}

    public static void sql(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
