package app.cairn.evidence.ui;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** The scoring queue and the mastery grid in the course frame's tabs, for teachers. */
@Configuration(proxyBeanMethods = false)
class EvidenceTabs {

    @Bean
    CourseTab scoringCourseTab() {
        return new CourseTab("evidence.nav.scoring", "scoring", Set.of(Role.TEACHER), 22);
    }

    @Bean
    CourseTab masteryCourseTab() {
        return new CourseTab("evidence.nav.mastery", "mastery", Set.of(Role.TEACHER), 25, Set.of("graduation"));
    }
}
