package app.cairn.lti;

/** Claim names from the LTI 1.3 Core specification. */
final class LtiClaims {
    static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = PREFIX + "message_type";
    static final String VERSION = PREFIX + "version";
    static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
    static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
    static final String RESOURCE_LINK = PREFIX + "resource_link";
    static final String ROLES = PREFIX + "roles";
    static final String CONTEXT = PREFIX + "context";
    static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";
    static final String CUSTOM = PREFIX + "custom";

    static final String NAMES_ROLE_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String AGS_LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String AGS_LINEITEM_READONLY_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    static final String AGS_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

    /** Deep Linking 2.0. */
    static final String DL_PREFIX = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    static final String DEEP_LINKING_SETTINGS = DL_PREFIX + "deep_linking_settings";
    static final String DL_CONTENT_ITEMS = DL_PREFIX + "content_items";
    static final String DL_DATA = DL_PREFIX + "data";
    static final String DL_MSG = DL_PREFIX + "msg";
    static final String LTI_RESOURCE_LINK_TYPE = "ltiResourceLink";
    static final String LTI_VERSION = "1.3.0";

    private LtiClaims() {
    }
}
