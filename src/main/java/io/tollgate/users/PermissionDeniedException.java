package io.tollgate.users;

/** Rendered as 403 {@code {"detail": message}}. */
public class PermissionDeniedException extends RuntimeException {

    public static final String DEFAULT_DETAIL = "You do not have permission to perform this action.";

    public PermissionDeniedException() {
        this(DEFAULT_DETAIL);
    }

    public PermissionDeniedException(String detail) {
        super(detail);
    }

    public String detail() {
        return getMessage();
    }
}
