package io.tollgate.web.ui;

import java.util.List;

/**
 * Every console page: the shared layout, the console's own navigation, and the page's model record. It lives
 * here because a view's templates (and their partials) resolve relative to the view class's package.
 */
public class AdminView extends PageView {
    public record NavItem(String href, String label, boolean current) {
    }

    private static final List<String[]> SECTIONS = List.of(
            new String[] {"users", "/admin/users/", "Users"},
            new String[] {"groups", "/admin/groups/", "Groups"},
            new String[] {"applications", "/admin/applications/", "Applications"},
            new String[] {"tokens", "/admin/tokens/", "Tokens"},
            new String[] {"audit", "/admin/audit/", "Audit log"},
            new String[] {"status", "/admin/status/", "Status"});

    private final Object model;
    private final String section;
    private final boolean superuser;

    public AdminView(String template, String title, PageContext page, boolean superuser, String section, Object model) {
        super(template, title, page);
        this.model = model;
        this.section = section;
        this.superuser = superuser;
    }

    public Object getModel() {
        return model;
    }

    /** The viewer is a superuser (named so it never shadows a shown user's own superuser flag). */
    public boolean isViewerSuperuser() {
        return superuser;
    }

    /** Superuser-only controls are shown to staff too, but disabled and labelled. */
    public boolean isLockFlags() {
        return !superuser;
    }

    /** Console pages get a wider layout for their tables. */
    public boolean isAdminPage() {
        return true;
    }

    public List<NavItem> getAdminNav() {
        return SECTIONS.stream().map(s -> new NavItem(s[1], s[2], s[0].equals(section))).toList();
    }
}
