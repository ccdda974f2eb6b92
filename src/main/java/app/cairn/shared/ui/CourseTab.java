package app.cairn.shared.ui;

import java.util.Set;

import app.cairn.shared.Role;

/**
 * A tab in the course frame. Each feature contributes its own as a Spring bean, so the frame
 * needs to know no feature. Tabs are shown in {@link #order()} to the roles that may open them.
 *
 * @param labelKey i18n key of the tab's label
 * @param route    the route path, e.g. {@code "scale"}
 * @param roles    who sees the tab
 * @param order    position from the left; the home tab is 0
 * @param alsoFor  first path segments of other pages in the tab's section, which mark it current too
 *                 (e.g. {@code "graduation"}, reached from the mastery grid)
 */
public record CourseTab(String labelKey, String route, Set<Role> roles, int order, Set<String> alsoFor) {

    public CourseTab(String labelKey, String route, Set<Role> roles, int order) {
        this(labelKey, route, roles, order, Set.of());
    }
}
