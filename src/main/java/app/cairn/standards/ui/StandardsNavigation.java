package app.cairn.standards.ui;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** The library's tab in the course frame. Teachers only: students will meet standards in their path. */
@Configuration
class StandardsNavigation {

    @Bean
    CourseTab standardsTab() {
        return new CourseTab("nav.standards", "standards", Set.of(Role.TEACHER), 10);
    }
}
