package dev.shadowbench.core.compare;

import dev.shadowbench.core.db.Db;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * How a synthetic baseline was made (written by {@code core.baseline.SyntheticBaselines}, table
 * {@code synthetic_baselines}): the variant its rows carry, the candidate whose requests it answers, the task, the
 * kind (constant, mean, median, majority, top-n), the answer it gives, what that answer was fitted on and the recipe
 * in words ({@code description}, e.g. "majority class 0, from 2,033 labels of 2026-11-18..19"), which every screen and
 * report shows beside the baseline's name.
 */
public record BaselineRecipe(
        String name,
        String candidate,
        String task,
        String kind,
        String answer,
        List<String> items,
        Integer topN,
        String source,
        LocalDate fromDay,
        LocalDate toDay,
        Long fittedOn,
        long answered,
        String description,
        String builtAt) {

    private static final String COLUMNS =
            "name, candidate, task, kind, answer, items, top_n, source, from_day, to_day, "
                    + "fitted_on, answered, description, strftime(built_at, '%Y-%m-%dT%H:%M:%S')";

    /** The recipe of the synthetic baseline {@code side} names (by its variant), or null when it is a real model's. */
    public static BaselineRecipe of(Db q, Side side) throws SQLException {
        if (side == null || side.variant() == null) return null;
        return q.one(
                "SELECT " + COLUMNS + " FROM synthetic_baselines WHERE name = ?", BaselineRecipe::read, side.variant());
    }

    /** Every synthetic baseline of the workspace, by name. */
    public static List<BaselineRecipe> all(Db q) throws SQLException {
        return q.query("SELECT " + COLUMNS + " FROM synthetic_baselines ORDER BY name", BaselineRecipe::read);
    }

    /** SQL that is true for a predictions row of {@code alias} written by a synthetic baseline (not imported). */
    public static String isSynthetic(String alias) {
        return alias + ".import_id IN (SELECT import_id FROM synthetic_baselines)";
    }

    private static BaselineRecipe read(ResultSet rs) throws SQLException {
        Array items = rs.getArray(6);
        java.sql.Date from = rs.getDate(9), to = rs.getDate(10);
        long fitted = rs.getLong(11);
        boolean fittedNull = rs.wasNull();
        int n = rs.getInt(7);
        boolean nNull = rs.wasNull();
        return new BaselineRecipe(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                items == null
                        ? null
                        : Arrays.stream((Object[]) items.getArray())
                                .map(String::valueOf)
                                .toList(),
                nNull ? null : n,
                rs.getString(8),
                from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(),
                fittedNull ? null : fitted,
                rs.getLong(12),
                rs.getString(13),
                rs.getString(14));
    }
}
