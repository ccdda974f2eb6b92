package app.cairn.lti;

/**
 * Where a verified launch takes the person, decided by the feature that knows what links open
 * (units, the course home), so this feature needs none of them. Both are called after the person
 * is signed in, so implementations read the {@link app.cairn.shared.CurrentViewer} as usual.
 */
public interface LaunchDestinations {

    /** The path a resource link launch goes to (for example a unit, or the page to pick one). */
    String afterResourceLinkLaunch(ResourceLinkLaunch link);

    /** The path of the picker for the teacher's deep linking request {@code requestId}. */
    String deepLinkingPicker(String requestId);
}
