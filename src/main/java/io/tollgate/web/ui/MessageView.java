package io.tollgate.web.ui;

/** A plain page with a heading and a sentence: errors, refusals, "not found". */
public class MessageView extends PageView {
    private final String message;

    public MessageView(PageContext page, String title, String message) {
        super("message.mustache", title, page);
        this.message = message;
    }

    public String getMessage() {
        return message;
    }
}
