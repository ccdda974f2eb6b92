package app.cairn.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class AssignmentGradeServiceTest {

    @Test
    void scores_go_into_the_path_before_any_query_string() {
        assertThat(AssignmentGradeService.scoresUrl("https://moodle.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=7"))
                .isEqualTo("https://moodle.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=7");
        assertThat(AssignmentGradeService.scoresUrl("https://canvas.example/api/lti/courses/1/line_items/9"))
                .isEqualTo("https://canvas.example/api/lti/courses/1/line_items/9/scores");
        assertThat(AssignmentGradeService.scoresUrl("https://lms.example/items/9/?a=1&b=2"))
                .isEqualTo("https://lms.example/items/9/scores?a=1&b=2");
        assertThat(AssignmentGradeService.scoresUrl("https://lms.example/items/9?a=1#top"))
                .isEqualTo("https://lms.example/items/9/scores?a=1");
    }

    @Test
    void filters_are_added_to_a_line_items_url_that_already_has_a_query() {
        assertThat(AssignmentGradeService.withQuery("https://moodle.example/lineitems?type_id=7", "resource_id=u1"))
                .isEqualTo("https://moodle.example/lineitems?type_id=7&resource_id=u1");
        assertThat(AssignmentGradeService.withQuery("https://canvas.example/line_items", "resource_id=u1"))
                .isEqualTo("https://canvas.example/line_items?resource_id=u1");
    }

    @Test
    void timestamps_are_iso_8601_in_utc_with_milliseconds() {
        Instant whole = Instant.parse("2026-11-23T12:00:05Z");
        assertThat(AssignmentGradeService.TIMESTAMP.format(ZonedDateTime.ofInstant(whole, ZoneOffset.UTC)))
                .isEqualTo("2026-11-23T12:00:05.000Z");
        assertThat(AssignmentGradeService.TIMESTAMP.format(ZonedDateTime.ofInstant(whole.plusMillis(42), ZoneOffset.UTC)))
                .isEqualTo("2026-11-23T12:00:05.042Z");
    }
}
