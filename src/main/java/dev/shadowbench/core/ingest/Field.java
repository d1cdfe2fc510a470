package dev.shadowbench.core.ingest;

import java.util.List;

/** A field of a prediction or label record, with the column names teams commonly give it (best first). */
public enum Field {
    REQUEST_ID(
            "request_id",
            "requestid",
            "correlation_id",
            "correlationid",
            "corr_id",
            "inference_id",
            "inferenceid",
            "event_id",
            "eventid",
            "trace_id",
            "req_id",
            "rid",
            "uuid",
            "id"),
    TIMESTAMP(
            "timestamp",
            "ts",
            "event_time",
            "eventtime",
            "event_ts",
            "time",
            "inference_time",
            "inferencetime",
            "created_at",
            "logged_at",
            "datetime",
            "date"),
    MODEL("model", "model_name", "modelname"),
    VERSION("model_version", "modelversion", "version", "model_ver", "ver"),
    VARIANT("variant", "arm", "traffic", "deployment", "slot", "channel"),
    PREDICTION(
            "prediction",
            "score",
            "output",
            "y_pred",
            "ypred",
            "pred",
            "predicted",
            "yhat",
            "y_hat",
            "probability",
            "prob",
            "forecast",
            "ranking",
            "recommendations",
            "items"),
    PREDICTED_CLASS("predicted_class", "predicted_label", "class", "pred_class", "label_pred"),
    LATENCY(
            "latency_ms",
            "elapsed_ms",
            "duration_ms",
            "latency",
            "elapsed",
            "duration",
            "response_time_ms",
            "inference_ms",
            "ms"),
    SEGMENT("segment", "cohort", "country", "region", "platform", "market"),
    FEEDBACK(
            "complaint",
            "user_complaint",
            "complained",
            "is_complaint",
            "thumbs_down",
            "flagged_by_user",
            "feedback",
            "user_feedback",
            "complaints",
            "rating",
            "user_rating"),
    LABEL("actual", "label", "y_true", "ytrue", "truth", "ground_truth", "target", "outcome", "y");

    private final List<String> names;

    Field(String... names) {
        this.names = List.of(names);
    }

    /** Column names that map to this field, most specific first. */
    public List<String> commonNames() {
        return names;
    }

    /** The lower-case key used in mapping JSON and the UI. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
