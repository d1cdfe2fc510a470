package dev.shadowbench.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/**
 * The one mapper for the JSON Shadowbench writes at its edges ({@code summary --json}, {@code decisions --json},
 * the JSON report, a decision's evidence): snake_case keys, nulls kept, days as ISO dates, indented output.
 * Stored formats with their own rules keep their own mapper: the decision log's canonical hashing form, and the
 * settings and column mappings stored in camelCase.
 */
public final class Json {
    private Json() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance));

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as indented JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
