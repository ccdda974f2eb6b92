package app.cairn.gradebook;

import java.time.Clock;
import java.time.Duration;

import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests of other features: sends what the gradebook outbox holds now, as a node's worker would. */
public final class GradebookTestWorker {

    private GradebookTestWorker() {
    }

    /** Claims and sends every due score once; returns how many were claimed. */
    public static int drain(ApplicationContext context, String node) {
        return new ScoreWorker(context.getBean(DSLContext.class), context.getBean(Clock.class),
                context.getBean(GradebookPlatform.class), context.getBean(TransactionTemplate.class),
                new ScoreWorker.Settings(true, 50, Duration.ofMinutes(2), Duration.ofSeconds(4), Duration.ofSeconds(2),
                        Duration.ofSeconds(30), 20, 4, Duration.ofMinutes(10)), node).drain();
    }
}
