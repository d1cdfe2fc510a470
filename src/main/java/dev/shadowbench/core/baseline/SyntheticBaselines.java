package dev.shadowbench.core.baseline;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.baseline.BaselineKind.Task;
import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.compare.LabelQuality;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a synthetic baseline for a first model, in SQL: one row in {@code predictions} per request the candidate
 * answered (same request id, timestamp and segment, so everything pairs), under the baseline's own variant and
 * written by an import of kind {@code baseline}, with the answer the baseline would have given; and its
 * {@link BaselineRecipe}. Rebuilding a name replaces its rows, import and recipe in one transaction: a failure leaves
 * the previous baseline as it was.
 */
public final class SyntheticBaselines {
    private SyntheticBaselines() {}

    /** The model name a baseline's rows carry (its version is the kind), so the Overview tells them from a model's. */
    public static final String MODEL = "synthetic-baseline";

    /** {@link #build(Connection, BaselineRequest, ProgressSink)} on a connection of its own to {@code ws}. */
    public static BaselineRecipe build(
            dev.shadowbench.core.workspace.Workspace ws, BaselineRequest r, ProgressSink sink) {
        return ws.read(c -> build(c, r, sink));
    }

    /** Fits the answer, writes the rows and the recipe; returns the recipe as stored. */
    public static BaselineRecipe build(Connection c, BaselineRequest r, ProgressSink sink) throws SQLException {
        Db q = new Db(c, sink);
        sink.progress(0, 3, "Reading what " + r.candidate() + " answered");
        List<Object> params = new ArrayList<>();
        String cand = r.candidate().where("p", params) + " AND NOT " + BaselineRecipe.isSynthetic("p");
        Object[] prof = q.row(
                "SELECT count(DISTINCT request_id), count(prediction), count(predicted_class), count(ranking) "
                        + "FROM predictions p WHERE " + cand,
                params.toArray());
        if (Db.lng(prof[0]) == 0) {
            throw new BadInputException("No imported records of the candidate "
                    + r.candidate().key() + ": a baseline answers the requests its candidate answered");
        }
        Task task = Db.lng(prof[3]) > 0 ? Task.RANKING : Db.lng(prof[2]) > 0 ? Task.CLASSIFICATION : Task.REGRESSION;
        if (!r.kind().fits(task)) {
            throw new BadInputException("A " + r.kind() + " baseline does not fit a " + task.id() + " candidate ("
                    + r.candidate().key() + "); use " + fitting(task));
        }
        long imported = Db.lng(q.row(
                        "SELECT count(*) FROM predictions p WHERE p.variant = ? AND NOT "
                                + BaselineRecipe.isSynthetic("p"),
                        r.name())[0]);
        if (imported > 0) {
            throw new BadInputException("The variant '" + r.name() + "' holds " + FigureFormat.count(imported)
                    + " imported records; give the baseline another --name");
        }

        sink.progress(1, 3, "Fitting the " + r.kind() + " baseline");
        Answer a = fit(q, r, task);

        sink.progress(2, 3, "Writing the baseline's answers");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Object[] old : q.rows("SELECT import_id FROM synthetic_baselines WHERE name = ?", r.name())) {
                q.execute("DELETE FROM predictions WHERE import_id = ?", old[0]);
                q.execute("DELETE FROM imports WHERE import_id = ?", old[0]);
            }
            q.execute("DELETE FROM synthetic_baselines WHERE name = ?", r.name());
            long id = dev.shadowbench.core.workspace.ImportIds.next(c);
            List<Object> ins = new ArrayList<>(List.of(id, r.kind().id(), r.name()));
            ins.add(task == Task.REGRESSION ? Double.valueOf(a.answer) : null);
            ins.add(task == Task.CLASSIFICATION ? a.answer : null);
            ins.add(task == Task.RANKING ? jsonList(a.items) : null);
            ins.addAll(params);
            // the candidate's earliest record of each request gives its time and segment, as pairing dedupes it
            q.execute(
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, "
                            + "predicted_class, ranking, segment) "
                            + "SELECT ?, request_id, min(ts), '" + MODEL
                            + "', ?, ?, ?, ?, from_json(?, '[\"VARCHAR\"]'), "
                            + "arg_min(segment, ts) FROM predictions p WHERE " + cand + " GROUP BY request_id",
                    ins.toArray());
            long answered = Db.lng(q.row("SELECT count(*) FROM predictions WHERE import_id = ?", id)[0]);
            String description = describe(r, task, a);
            q.execute(
                    "INSERT INTO imports(import_id, kind, format, variant_override, source, lines_read, rows_imported, "
                            + "started_at, finished_at) VALUES (?, 'baseline', 'synthetic', ?, ?, 0, ?, now(), now())",
                    id,
                    r.name(),
                    description,
                    answered);
            q.execute(
                    "INSERT INTO synthetic_baselines(name, import_id, candidate, task, kind, answer, items, top_n, "
                            + "source, from_day, to_day, fitted_on, answered, description, built_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, from_json(?, '[\"VARCHAR\"]'), ?, ?, ?, ?, ?, ?, ?, now())",
                    r.name(),
                    id,
                    r.candidate().key(),
                    task.id(),
                    r.kind().id(),
                    task == Task.RANKING ? null : a.answer,
                    task == Task.RANKING ? jsonList(a.items) : null,
                    r.kind() == BaselineKind.TOP_N ? r.topN() : null,
                    source(r),
                    r.from() == null ? null : java.sql.Date.valueOf(r.from()),
                    r.to() == null ? null : java.sql.Date.valueOf(r.to()),
                    a.fittedOn,
                    answered,
                    description);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            Transactions.rollback(c, e);
            Transactions.autoCommit(c, e);
            throw e;
        }
        c.setAutoCommit(auto);
        sink.progress(3, 3, "Baseline '" + r.name() + "' built");
        return BaselineRecipe.of(q, dev.shadowbench.core.compare.Side.variant(r.name()));
    }

    /** The answer: a number or class as text, or a ranking's items; and how many labels it was fitted on. */
    record Answer(String answer, List<String> items, Long fittedOn) {}

    static Answer fit(Db q, BaselineRequest r, Task task) throws SQLException {
        if (r.kind() == BaselineKind.CONSTANT) {
            if (task == Task.RANKING) {
                List<String> items = Arrays.stream(r.value().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
                if (items.isEmpty()) throw new BadInputException("--value: a ranking baseline needs items, e.g. a,b,c");
                return new Answer(null, items, null);
            }
            if (task == Task.REGRESSION) {
                try {
                    double v = Double.parseDouble(r.value().strip());
                    if (!Double.isFinite(v)) throw new NumberFormatException();
                    return new Answer(String.valueOf(v), null, null);
                } catch (NumberFormatException e) {
                    throw new BadInputException("--value '" + r.value() + "' is not a finite number, and the candidate "
                            + r.candidate().key() + " predicts numbers");
                }
            }
            return new Answer(r.value().strip(), null, null);
        }
        List<Object> params = new ArrayList<>();
        String labels = labelsOf(r, params);
        String what = r.from() == null ? "" : " of " + r.from() + ".." + r.to();
        switch (r.kind()) {
            case MEAN, MEDIAN -> {
                String f = r.kind() == BaselineKind.MEAN ? "avg(label)" : "quantile_cont(label, 0.5)";
                Object[] row = q.row(
                        "SELECT count(label), " + f + " FROM (SELECT request_id, any_value(label) AS label FROM ("
                                + labels + ") GROUP BY request_id)",
                        params.toArray());
                if (Db.lng(row[0]) == 0) throw new BadInputException("No numeric labels" + what + " to fit on");
                return new Answer(String.valueOf(Db.dbl(row[1])), null, Db.lng(row[0]));
            }
            case MAJORITY -> {
                List<Object[]> rows = q.rows(
                        "SELECT y, count(*) AS n, sum(count(*)) OVER () FROM (SELECT request_id, any_value("
                                + LabelQuality.LABEL_CLASS + ") AS y FROM (" + labels + ") GROUP BY request_id) "
                                + "WHERE y IS NOT NULL GROUP BY y ORDER BY n DESC, y LIMIT 1",
                        params.toArray());
                if (rows.isEmpty()) throw new BadInputException("No labels" + what + " to fit on");
                return new Answer((String) rows.get(0)[0], null, Db.lng(rows.get(0)[2]));
            }
            case TOP_N -> {
                // a click is a (request, item) label; an item clicked twice on one request counts once
                String clicks = "SELECT DISTINCT request_id, " + LabelQuality.LABEL_CLASS + " AS item FROM (" + labels
                        + ") WHERE " + LabelQuality.LABEL_CLASS + " IS NOT NULL";
                List<Object> p2 = new ArrayList<>(params);
                p2.addAll(params);
                p2.add(r.topN());
                List<Object[]> rows = q.rows(
                        "SELECT item, (SELECT count(*) FROM (" + clicks + ")) FROM (" + clicks
                                + ") GROUP BY item ORDER BY count(*) DESC, item LIMIT ?",
                        p2.toArray());
                if (rows.isEmpty()) throw new BadInputException("No clicked items in the labels" + what + " to fit on");
                return new Answer(null, rows.stream().map(x -> (String) x[0]).toList(), Db.lng(rows.get(0)[1]));
            }
            default -> throw new IllegalStateException(r.kind().id());
        }
    }

    /**
     * The labels rows to fit on: every label, or those of the fitting period. A label's day is its own timestamp's,
     * else the day its request was first logged.
     */
    private static String labelsOf(BaselineRequest r, List<Object> params) {
        if (r.from() == null) return "SELECT * FROM labels";
        params.add(java.sql.Date.valueOf(r.from()));
        params.add(java.sql.Date.valueOf(r.to()));
        return "SELECT l.* FROM labels l WHERE CAST(coalesce(l.ts, (SELECT min(p.ts) FROM predictions p "
                + "WHERE p.request_id = l.request_id)) AS DATE) BETWEEN ? AND ?";
    }

    /** A list as a JSON array, bound as one text parameter (read back with from_json). */
    private static String jsonList(List<String> items) {
        return dev.shadowbench.core.json.Json.write(items);
    }

    private static String source(BaselineRequest r) {
        return r.kind() == BaselineKind.CONSTANT ? "given" : r.from() == null ? "labels" : "days";
    }

    /** The recipe in words: "majority class 0, from 2,033 labels of 2026-11-18..19". */
    static String describe(BaselineRequest r, Task task, Answer a) {
        String answer =
                switch (r.kind()) {
                    case CONSTANT ->
                        "constant "
                                + (task == Task.RANKING
                                        ? "ranking " + items(a.items)
                                        : task == Task.CLASSIFICATION
                                                ? "class " + a.answer
                                                : FigureFormat.num(Double.valueOf(a.answer)));
                    case MEAN -> "mean " + FigureFormat.num(Double.valueOf(a.answer));
                    case MEDIAN -> "median " + FigureFormat.num(Double.valueOf(a.answer));
                    case MAJORITY -> "majority class " + a.answer;
                    case TOP_N ->
                        "top-" + r.topN() + " most clicked items " + items(a.items)
                                + (a.items.size() < r.topN()
                                        ? " (only " + a.items.size() + " items were clicked)"
                                        : "");
                };
        if (a.fittedOn == null) return answer + ", given by the user";
        String unit = r.kind() == BaselineKind.TOP_N ? " clicks" : " labels";
        return answer + ", from " + FigureFormat.count(a.fittedOn) + unit
                + (r.from() == null ? "" : " of " + period(r.from(), r.to()));
    }

    /** "2026-11-18..19" within a month, "2026-11-30..2026-12-01" across months, "2026-11-18" for one day. */
    static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) return from.toString();
        if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
            return from + ".." + String.format(java.util.Locale.ROOT, "%02d", to.getDayOfMonth());
        }
        return from + ".." + to;
    }

    private static String items(List<String> items) {
        int shown = Math.min(items.size(), 5);
        return "(" + String.join(", ", items.subList(0, shown)) + (items.size() > shown ? ", …" : "") + ")";
    }

    private static String fitting(Task task) {
        return switch (task) {
            case REGRESSION -> "mean, median or constant";
            case CLASSIFICATION -> "majority or constant";
            case RANKING -> "top-n or constant";
        };
    }
}
