package dev.shadowbench.spark;

import dev.shadowbench.core.ingest.SourceColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Spark's column types in the desk's words (DuckDB type names), so the desk's detection rules apply unchanged. */
final class SparkTypes {
    private SparkTypes() {}

    static List<SourceColumn> columns(StructType schema) {
        List<SourceColumn> out = new ArrayList<>();
        for (StructField f : schema.fields()) out.add(new SourceColumn(f.name(), duckType(f.dataType())));
        return out;
    }

    static String duckType(DataType t) {
        if (t instanceof NumericType) return "DOUBLE";
        if (t instanceof StringType) return "VARCHAR";
        if (t instanceof ArrayType) return "VARCHAR[]";
        if (t instanceof StructType) return "STRUCT";
        if (t instanceof MapType) return "MAP";
        if (t instanceof TimestampType || t instanceof TimestampNTZType) return "TIMESTAMP";
        if (t instanceof DateType) return "DATE";
        if (t instanceof BooleanType) return "BOOLEAN";
        return t.typeName().toUpperCase(java.util.Locale.ROOT);
    }
}
