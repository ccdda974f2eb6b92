package app.cairn.gradebook;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** The gradebook feature's tab in the course frame. */
@Configuration
class GradebookTab {

    @Bean
    CourseTab gradebookCourseTab() {
        return new CourseTab("nav.gradebook", "gradebook", Set.of(Role.TEACHER), 40);
    }
}
