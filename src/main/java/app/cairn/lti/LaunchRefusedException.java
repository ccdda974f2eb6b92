package app.cairn.lti;

import org.jspecify.annotations.Nullable;

/** A login or launch that Cairn refuses; {@code detail} goes to the security log, not the page. */
final class LaunchRefusedException extends Exception {

    private final Refusal refusal;
    private final transient @Nullable String reopenUrl;

    LaunchRefusedException(Refusal refusal, String detail) {
        this(refusal, detail, null);
    }

    LaunchRefusedException(Refusal refusal, String detail, @Nullable String reopenUrl) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.reopenUrl = reopenUrl;
    }

    Refusal refusal() {
        return refusal;
    }

    /** Where the person can start the launch again in a window of its own, when that can help. */
    @Nullable String reopenUrl() {
        return reopenUrl;
    }
}
