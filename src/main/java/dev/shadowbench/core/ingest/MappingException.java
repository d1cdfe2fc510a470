package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;

/** A column mapping that does not fit a file: the field it concerns, so a form can show the error beside it. */
public class MappingException extends BadInputException {
    private final transient Field field;

    public MappingException(Field field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose mapping is wrong or missing. */
    public Field field() {
        return field;
    }
}
