package app.cairn.shared.ui;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import jakarta.annotation.security.PermitAll;

/**
 * The frame every in-course view sits in. The LMS already draws the header, course menu and
 * sign-in, so Cairn shows only a slim row of tabs above the content: the home of the viewer's
 * role, then the {@link CourseTab}s that features contribute for that role.
 */
@StyleSheet("/styles/cairn.css")
@PermitAll
public class CourseLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main content = new Main();
    /** Plain links in a nav landmark: they go to pages, so they are links, not ARIA tabs. */
    private final Nav tabs = new Nav();
    /** Each tab's link and the first path segments of the pages it is current on. */
    private final Map<Anchor, Set<String>> sectionOf = new HashMap<>();

    public CourseLayout(CurrentViewer currentViewer, List<CourseTab> featureTabs, List<StudentHomeSection> homeSections) {
        addClassName("cairn-layout");
        tabs.addClassName("cairn-tabs");
        tabs.setAriaLabel(getTranslation("nav.label"));
        Viewer viewer = currentViewer.find().orElse(null);
        if (viewer != null) {
            Set<String> homePages = new HashSet<>();
            if (!viewer.isTeacher()) {
                homeSections.forEach(section -> homePages.addAll(section.pages()));
            }
            tabs.add(tab("nav-home", getTranslation("nav.home"), viewer.isTeacher() ? "teacher" : "student", homePages));
            featureTabs.stream().filter(tab -> tab.roles().contains(viewer.role()))
                    .sorted(Comparator.comparingInt(CourseTab::order))
                    .forEach(tab -> tabs.add(tab("nav-" + tab.route(), getTranslation(tab.labelKey()), tab.route(),
                            tab.alsoFor())));
        }
        Div bar = new Div(tabs, new LanguageSwitch(getLocale()));
        bar.addClassName("cairn-bar");
        content.addClassName("cairn-content");
        add(bar, content);
    }

    /** A plain link by path: the router handles it, and shared/ needs no feature's classes. */
    private Anchor tab(String id, String label, String route, Set<String> alsoFor) {
        Anchor link = new Anchor(route, label);
        Set<String> segments = new HashSet<>(alsoFor);
        segments.add(route);
        sectionOf.put(link, segments);
        link.setId(id);
        link.addClassName("cairn-tab");
        return link;
    }

    /** Marks the link of the current section, for sighted users (underline) and screen readers. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getFirstSegment();
        tabs.getChildren().map(Anchor.class::cast).forEach(link -> {
            boolean current = sectionOf.getOrDefault(link, Set.of()).contains(path);
            if (current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
            link.setClassName("cairn-tab-current", current);
        });
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        content.removeAll();
    }
}
