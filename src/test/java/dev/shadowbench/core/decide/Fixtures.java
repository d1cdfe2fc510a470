package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/** Hand-written summary fixtures in the {@code summary --json} contract. */
public final class Fixtures {
    private Fixtures() {}

    public static ObjectNode summary(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/shadowbench/core/decide/" + name)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a number (or null) at a dotted path, creating objects on the way. */
    public static ObjectNode with(ObjectNode root, String path, Double value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = n.has(parts[i]) && n.get(parts[i]).isObject() ? (ObjectNode) n.get(parts[i]) : n.putObject(parts[i]);
        }
        if (value == null) n.putNull(parts[parts.length - 1]); else n.put(parts[parts.length - 1], value);
        return root;
    }
}
