package app.cairn.lti;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The link a verified resource link launch came through: the LMS's id for it (unique in the
 * course), its title, and the custom parameters it was placed with. Signed by the LMS, so it can
 * be trusted.
 */
public record ResourceLinkLaunch(String resourceLinkId, @Nullable String title, Map<String, String> custom) {

    /** The custom parameter deep-linked links carry: the opaque key of the unit they open. */
    public static final String UNIT_PARAMETER = "cairn_unit_id";
    /** The custom parameter of links that open something other than a unit, such as the course menu entry. */
    public static final String LINK_PARAMETER = "cairn_link";
    /** {@link #LINK_PARAMETER}'s value for a link to the course home. */
    public static final String LINK_COURSE_HOME = "home";
}
