package app.cairn.gradebook;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The score worker of this node, from the {@code cairn.gradebook} settings. */
@Configuration
class GradebookConfiguration {

    @Bean
    ScoreWorker scoreWorker(DSLContext db, Clock clock, GradebookPlatform platform, TransactionTemplate transaction,
                            @Value("${cairn.gradebook.worker.enabled}") boolean enabled,
                            @Value("${cairn.gradebook.batch-size}") int batchSize,
                            @Value("${cairn.gradebook.lease}") Duration lease,
                            @Value("${cairn.gradebook.lease-margin}") Duration leaseMargin,
                            @Value("${cairn.gradebook.retry-base}") Duration retryBase,
                            @Value("${cairn.gradebook.retry-cap}") Duration retryCap,
                            @Value("${cairn.gradebook.max-attempts}") int maxAttempts,
                            @Value("${cairn.gradebook.parallel-per-platform}") int parallel,
                            @Value("${cairn.gradebook.serial-after-throttle}") Duration serialAfterThrottle) {
        return new ScoreWorker(db, clock, platform, transaction, new ScoreWorker.Settings(enabled, batchSize, lease,
                leaseMargin, retryBase, retryCap, maxAttempts, parallel, serialAfterThrottle),
                "node-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
