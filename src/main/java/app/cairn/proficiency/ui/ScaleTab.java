package app.cairn.proficiency.ui;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** Puts the scale editor in the course frame's tabs, for teachers. */
@Configuration(proxyBeanMethods = false)
class ScaleTab {

    @Bean
    CourseTab scaleCourseTab() {
        return new CourseTab("nav.scale", "scale", Set.of(Role.TEACHER), 20);
    }
}
