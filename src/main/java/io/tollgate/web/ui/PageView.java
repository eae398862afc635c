package io.tollgate.web.ui;

import io.dropwizard.views.common.View;
import io.tollgate.users.session.SignedInUser;
import java.nio.charset.StandardCharsets;

/** What every page's shared layout needs: the title, who is signed in, and the CSRF token for its forms. */
public abstract class PageView extends View {
    private final String title;
    private final PageContext page;

    protected PageView(String template, String title, PageContext page) {
        super(template, StandardCharsets.UTF_8);
        this.title = title;
        this.page = page;
    }

    public String getTitle() {
        return title;
    }

    public boolean isSignedIn() {
        return page.user().isPresent();
    }

    public String getUsername() {
        return page.user().map(SignedInUser::username).orElse("");
    }

    public boolean isStaff() {
        return page.user().map(SignedInUser::staff).orElse(false);
    }

    public String getCsrfToken() {
        return page.csrfToken();
    }
}
