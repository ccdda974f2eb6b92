/**
 * LTI 1.3: OIDC login, launch verification, platform registrations and the tool's keys. The rest
 * of Cairn never sees a JWT; it sees a {@link app.cairn.shared.Viewer}.
 */
@NullMarked
package app.cairn.lti;

import org.jspecify.annotations.NullMarked;
