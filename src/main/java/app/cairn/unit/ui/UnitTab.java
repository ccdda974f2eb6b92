package app.cairn.unit.ui;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.cairn.shared.Role;
import app.cairn.shared.ui.CourseTab;

/** Puts the units in the course frame's tabs, for teachers. */
@Configuration(proxyBeanMethods = false)
class UnitTab {

    @Bean
    CourseTab unitsCourseTab() {
        return new CourseTab("nav.units", "units", Set.of(Role.TEACHER), 5);
    }
}
