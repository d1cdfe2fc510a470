package dev.shadowbench.core.decide;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Test helper: a copy of a record with one component replaced, for precise edge cases on real figures. */
public final class Records {
    private Records() {}

    /** {@code r} with component {@code name} set to {@code value}; fails loudly when the record has no such component. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R r, String name, Object value) {
        try {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            boolean found = false;
            for (int i = 0; i < cs.length; i++) {
                found |= cs[i].getName().equals(name);
                args[i] = cs[i].getName().equals(name)
                        ? value
                        : cs[i].getAccessor().invoke(r);
            }
            if (!found) throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no component " + name);
            Class<?>[] types = Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (R) r.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
