package app.cairn.proficiency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouterLink;

/**
 * The two pages of a course's proficiency settings, linked both ways under the one "Proficiency
 * scale" tab: the tab row already wraps at 900 px, so the calculation page gets no tab of its own.
 */
class SettingsLinks extends Nav {

    SettingsLinks(Class<? extends Component> current) {
        addClassName("cairn-subnav");
        setId("settings-links");
        setAriaLabel(getTranslation("policy.settings-nav"));
        add(link("settings-scale", "policy.nav.scale", ScaleEditorView.class, current),
                link("settings-calculation", "policy.nav.calculation", ProficiencyPolicyView.class, current));
    }

    private RouterLink link(String id, String key, Class<? extends Component> target, Class<? extends Component> current) {
        RouterLink link = new RouterLink(getTranslation(key), target);
        link.setId(id);
        if (target.equals(current)) {
            link.getElement().setAttribute("aria-current", "page");
        }
        return link;
    }
}
