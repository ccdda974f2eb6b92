/**
 * A built-in demo LMS for trying Cairn without one: it registers itself like any platform and
 * launches through the real OIDC flow with its own signing key. Only with cairn.demo.enabled.
 */
@NullMarked
package app.cairn.demo;

import org.jspecify.annotations.NullMarked;
