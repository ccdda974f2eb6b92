package app.cairn.rubric.ui;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** Puts the rubric library in the course frame's tabs, for teachers. */
@Configuration(proxyBeanMethods = false)
class RubricTab {

    @Bean
    CourseTab rubricsCourseTab() {
        return new CourseTab("nav.rubrics", "rubrics", Set.of(Role.TEACHER), 15);
    }
}
