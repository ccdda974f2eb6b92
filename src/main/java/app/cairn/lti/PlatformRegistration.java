package app.cairn.lti;

import java.util.List;

/** What an LMS administrator tells Cairn about their platform, from a YAML file or registration. */
public record PlatformRegistration(String name, String issuer, String clientId, String authLoginUrl,
                                   String authTokenUrl, String jwksUrl, List<String> deploymentIds) {
}
