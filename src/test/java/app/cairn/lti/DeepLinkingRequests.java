package app.cairn.lti;

import java.util.List;
import java.util.Map;

import app.cairn.shared.Viewer;

/**
 * For view tests: an open deep linking request of the signed-in teacher, as a verified deep
 * linking launch leaves it (protocol tests make real ones through the fake LMS).
 */
public final class DeepLinkingRequests {

    private DeepLinkingRequests() {
    }

    /** @return the request's public id, as the picker's URL carries it */
    public static String open(DeepLinking deepLinking, Viewer teacher, boolean acceptMultiple) {
        DeepLinkingSettings settings = new DeepLinkingSettings("https://lms.example/deep-link-return",
                List.of(LtiClaims.LTI_RESOURCE_LINK_TYPE), acceptMultiple, true, "{\"data\":\"view-test\"}", null, null);
        VerifiedLaunch launch = new VerifiedLaunch(teacher.platformId(), 0, "teacher", null, null, null, "course", null,
                null, List.of("Instructor"), LtiClaims.DEEP_LINKING_REQUEST, null, null, null, List.of(),
                "test-deployment", null, Map.of(), settings);
        return deepLinking.open(teacher, launch, "https://cairn.example/lti/launch");
    }
}
