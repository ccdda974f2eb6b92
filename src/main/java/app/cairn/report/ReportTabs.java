package app.cairn.report;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** Reports for teachers; "my progress" for students. */
@Configuration
class ReportTabs {

    @Bean
    CourseTab reportsCourseTab() {
        return new CourseTab("nav.reports", "reports", Set.of(Role.TEACHER), 60);
    }

    @Bean
    CourseTab progressCourseTab() {
        return new CourseTab("nav.progress", "progress", Set.of(Role.STUDENT), 60);
    }
}
