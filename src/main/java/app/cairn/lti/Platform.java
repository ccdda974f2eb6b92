package app.cairn.lti;

/** A registered platform as stored. */
record Platform(long id, String name, String issuer, String clientId, String authLoginUrl,
                String authTokenUrl, String jwksUrl) {
}
