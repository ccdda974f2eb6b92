package app.cairn.gradebook;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where scores go: the LMS's gradebook, through LTI Assignment and Grade Services. Defined here and
 * implemented by the LTI feature, so the gradebook need not know the protocol.
 */
public interface GradebookPlatform {

    /**
     * The URL of the LMS line item for {@code item}: found by resource id (and tag) among the
     * course's line items at {@code lineItemsUrl}, or created there when missing.
     */
    String findOrCreateLineItem(long platformId, String lineItemsUrl, Set<String> grantedScopes, LineItemSpec item)
            throws SendException;

    /** Posts one score to the line item's scores endpoint. */
    void postScore(long platformId, String lineItemUrl, Set<String> grantedScopes, Score score) throws SendException;

    /** A gradebook column as Cairn wants it in the LMS. */
    record LineItemSpec(String resourceId, String label, double scoreMaximum, @Nullable String tag) {
    }

    /** One score for one person ({@code userId} is their LTI subject); comment is the level's label. */
    record Score(String userId, double scoreGiven, double scoreMaximum, @Nullable String comment, Instant timestamp) {
    }

    /** How a call went wrong, which decides what the outbox does next. */
    enum Problem {
        /** The LMS asks Cairn to slow down (429, or Canvas's 403 "Rate Limit Exceeded"). */
        THROTTLED,
        /** Server errors, timeouts, unreachable LMS: try again later. */
        TRANSIENT,
        /** The LMS already holds a newer score for this person (409, or 400 about the timestamp). */
        STALE,
        /** The line item is gone from the LMS. */
        NOT_FOUND,
        /** Any other refusal: retrying will not help until someone changes something. */
        REJECTED
    }

    /**
     * A call failed. {@code retryAfter} is what the LMS asked for when throttling;
     * {@code maybeDelivered} is true when the LMS may have recorded the score anyway (a timeout).
     */
    final class SendException extends Exception {
        private final Problem problem;
        private final @Nullable Duration retryAfter;
        private final boolean maybeDelivered;

        public SendException(Problem problem, String message, @Nullable Duration retryAfter, boolean maybeDelivered) {
            super(message);
            this.problem = problem;
            this.retryAfter = retryAfter;
            this.maybeDelivered = maybeDelivered;
        }

        public SendException(Problem problem, String message) {
            this(problem, message, null, false);
        }

        public Problem problem() {
            return problem;
        }

        public @Nullable Duration retryAfter() {
            return retryAfter;
        }

        public boolean maybeDelivered() {
            return maybeDelivered;
        }
    }
}
