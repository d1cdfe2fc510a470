package dev.shadowbench.core.outliers;

/**
 * An aggregate finding shown as a banner: {@code severity} is info, warning or error; {@code value} is compared
 * with {@code threshold} (either may be null when the finding is a plain statement such as "not recorded").
 */
public record Finding(String rule, String severity, Double value, Double threshold, String detail) {
    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String ERROR = "error";
}
