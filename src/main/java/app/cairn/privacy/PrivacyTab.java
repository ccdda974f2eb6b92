package app.cairn.privacy;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** The privacy tab, for teachers (retention, export, deletion, audit) and students (their data). */
@Configuration
class PrivacyTab {

    @Bean
    CourseTab privacyCourseTab() {
        return new CourseTab("nav.privacy", "privacy", Set.of(Role.TEACHER, Role.STUDENT), 90);
    }
}
