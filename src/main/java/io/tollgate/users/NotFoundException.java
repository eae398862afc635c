package io.tollgate.users;

/** Rendered as 404 {@code {"detail": "Not found."}}, DRF's text. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }

    public String detail() {
        return "Not found.";
    }
}
