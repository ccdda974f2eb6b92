package app.cairn.course.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Shown to anyone who reaches Cairn without launching it from their LMS course. */
@Route("not-launched")
@AnonymousAllowed
@StyleSheet("/styles/cairn.css")
public class NotLaunchedView extends Main implements HasDynamicTitle {

    public NotLaunchedView() {
        addClassName("cairn-plain");
        H1 title = new H1(getTranslation("not-launched.title"));
        Paragraph explanation = new Paragraph(getTranslation("not-launched.body"));
        explanation.setId("not-launched-body");
        add(title, explanation);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("not-launched.title");
    }
}
