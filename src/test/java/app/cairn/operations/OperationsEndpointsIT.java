package app.cairn.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.LtiBrowser;

/** What a load balancer and the school's monitoring see. */
@CairnSpringTest
class OperationsEndpointsIT {

    @LocalServerPort
    int port;

    @Test
    void liveness_and_readiness_answer_up_without_details() {
        LtiBrowser client = new LtiBrowser("http://localhost:" + port);

        assertThat(client.get("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(client.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(client.get("/actuator/health").body()).doesNotContain("mariadb", "jdbc");
    }

    @Test
    void prometheus_metrics_are_served_to_the_internal_network() {
        LtiBrowser.Response metrics = new LtiBrowser("http://localhost:" + port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections",
                "cairn_gradebook_outbox_pending ", "cairn_gradebook_outbox_retrying ", "cairn_gradebook_outbox_failed ",
                "cairn_gradebook_outbox_oldest_pending_seconds ");
    }

    @Test
    void refused_launches_are_counted_by_reason() {
        LtiBrowser client = new LtiBrowser("http://localhost:" + port);
        client.postLaunch("not-a-token", "no-state");

        assertThat(client.get("/actuator/prometheus").body()).contains("cairn_lti_refusals_total{reason=\"NOT_A_JWT\"}");
    }

    @Test
    void other_actuator_endpoints_are_not_exposed() {
        assertThat(new LtiBrowser("http://localhost:" + port).get("/actuator/env").status()).isNotEqualTo(200);
    }
}
