package app.cairn.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.cairn.shared.Role;

class RoleMappingTest {

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    @Test
    void teaching_roles_in_full_and_short_form_make_a_teacher() {
        for (String role : List.of(LIS + "membership#Instructor", "Instructor", "TeachingAssistant",
                LIS + "membership/Instructor#TeachingAssistant", LIS + "membership#ContentDeveloper",
                "ContentDeveloper", LIS + "institution/person#Administrator", "Administrator",
                LIS + "membership/Instructor#Grader")) {
            assertThat(RoleMapping.map(List.of(role))).as(role).contains(Role.TEACHER);
        }
    }

    @Test
    void learner_in_full_and_short_form_makes_a_student() {
        assertThat(RoleMapping.map(List.of(LIS + "membership#Learner"))).contains(Role.STUDENT);
        assertThat(RoleMapping.map(List.of("Learner"))).contains(Role.STUDENT);
        assertThat(RoleMapping.map(List.of(LIS + "membership/Learner#Learner"))).contains(Role.STUDENT);
    }

    @Test
    void teaching_wins_over_learning() {
        assertThat(RoleMapping.map(List.of("Learner", LIS + "membership#Instructor"))).contains(Role.TEACHER);
    }

    @Test
    void teaching_elsewhere_in_the_school_does_not_make_a_teacher_here() {
        assertThat(RoleMapping.map(List.of(LIS + "membership#Learner", LIS + "institution/person#Instructor")))
                .contains(Role.STUDENT);
        assertThat(RoleMapping.map(List.of(LIS + "institution/person#Faculty"))).isEmpty();
        assertThat(RoleMapping.map(List.of(LIS + "system/person#Administrator"))).contains(Role.TEACHER);
    }

    @Test
    void other_roles_and_no_roles_map_to_nothing() {
        assertThat(RoleMapping.map(List.of(LIS + "membership#Mentor"))).isEmpty();
        assertThat(RoleMapping.map(List.of(LIS + "institution/person#Student"))).isEmpty();
        assertThat(RoleMapping.map(List.of())).isEmpty();
    }
}
