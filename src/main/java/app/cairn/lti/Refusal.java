package app.cairn.lti;

/**
 * Every reason Cairn turns a login or launch away. Each has its own HTTP status and its own
 * message in the i18n bundle ({@code lti.refusal.<code>} and {@code lti.refusal.<code>.todo}).
 */
enum Refusal {
    LOGIN_MISSING_PARAMETER(400),
    LOGIN_UNKNOWN_PLATFORM(400),
    LOGIN_AMBIGUOUS_PLATFORM(400),
    LOGIN_BAD_TARGET(400),
    MISSING_ID_TOKEN(400),
    NOT_A_JWT(400),
    ALGORITHM_NOT_ALLOWED(401),
    MISSING_KID(401),
    UNKNOWN_ISSUER(401),
    WRONG_AUDIENCE(401),
    BAD_AZP(401),
    UNKNOWN_KID(401),
    PLATFORM_KEYS_UNAVAILABLE(502),
    BAD_SIGNATURE(401),
    STATE_MISMATCH(401),
    COOKIE_MISSING(401),
    LOGIN_EXPIRED(401),
    MISSING_NONCE(401),
    UNKNOWN_NONCE(401),
    REPLAYED_NONCE(401),
    EXPIRED(401),
    ISSUED_IN_FUTURE(401),
    WRONG_VERSION(400),
    MISSING_MESSAGE_TYPE(400),
    UNSUPPORTED_MESSAGE_TYPE(400),
    MISSING_DEPLOYMENT(400),
    UNKNOWN_DEPLOYMENT(403),
    MISSING_SUBJECT(400),
    MISSING_ROLES(400),
    MISSING_RESOURCE_LINK(400),
    TARGET_LINK_MISMATCH(400),
    MISSING_CONTEXT(400),
    NO_SUPPORTED_ROLE(403),
    MISSING_DEEP_LINKING_SETTINGS(400),
    BAD_DEEP_LINK_RETURN_URL(400),
    DEEP_LINKING_TYPES_UNSUPPORTED(400),
    DEEP_LINKING_NOT_TEACHER(403),
    /** Not the launch's fault: Cairn's database cannot be reached for now (message in i18n/operations). */
    DATABASE_UNAVAILABLE(503);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }

    String messageKey() {
        return "lti.refusal." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
