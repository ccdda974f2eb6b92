package app.cairn.shared.ui;

import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows on the student home (the student's path, for instance), contributed as
 * a Spring bean like {@link CourseTab}, so the home needs to know no feature. When no section has
 * anything to show, the home shows its empty state.
 */
public interface StudentHomeSection {

    /** A fresh component for the signed-in student, or empty when there is nothing to show yet. */
    Optional<Component> create();

    /**
     * First path segments of the pages this section leads to, which have no tab of their own: while a
     * student is on one, the Home tab is marked current.
     */
    default Set<String> pages() {
        return Set.of();
    }
}
