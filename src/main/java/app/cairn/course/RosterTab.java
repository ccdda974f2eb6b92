package app.cairn.course;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** The course feature's tab in the course frame. */
@Configuration
class RosterTab {

    @Bean
    CourseTab rosterCourseTab() {
        return new CourseTab("nav.roster", "roster", Set.of(Role.TEACHER), 30);
    }
}
