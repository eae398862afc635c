package io.tollgate.web.admin;

import io.tollgate.web.ui.AdminView;

/** Builds a console view for a staff member. */
final class AdminPage {
    private AdminPage() {
    }

    static AdminView view(String template, String title, AdminGuard.Staff staff, String section, Object model) {
        return new AdminView(template, title, staff.page(), staff.superuser(), section, model);
    }
}
