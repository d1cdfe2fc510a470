package dev.shadowbench.core.workspace;

/** A workspace file that cannot be opened or used, with a message a user can act on. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
