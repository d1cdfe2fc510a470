package dev.shadowbench.core;

/**
 * Input a user can fix: a file that cannot be read, a field that does not parse, an option out of range.
 * The message names what and where (file, line, field); the command line exits with code 2 on it.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
