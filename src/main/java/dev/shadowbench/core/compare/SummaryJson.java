package dev.shadowbench.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/** Writes a {@link Summary} as the JSON object of {@code summary --json} (snake_case keys, nulls kept). */
public final class SummaryJson {
    private SummaryJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance));

    /** The mapper, for callers (reports) that embed the summary in a larger document. */
    public static ObjectMapper mapper() { return MAPPER; }

    public static String write(Summary s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary as JSON: " + e.getMessage(), e);
        }
    }
}
