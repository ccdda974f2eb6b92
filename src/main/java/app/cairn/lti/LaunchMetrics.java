package app.cairn.lti;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Launch counters for the school's monitoring: accepted launches by role, refusals by reason. */
@Component
class LaunchMetrics {

    private final MeterRegistry registry;

    LaunchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(app.cairn.shared.Role role) {
        Counter.builder("cairn.lti.launches").description("LTI launches accepted")
                .tag("role", role.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    void refused(Refusal refusal) {
        Counter.builder("cairn.lti.refusals").description("LTI logins and launches refused")
                .tag("reason", refusal.name()).register(registry).increment();
    }
}
