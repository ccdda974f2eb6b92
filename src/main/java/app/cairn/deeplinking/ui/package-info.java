/** The unit picker for deep linking and for links not set up yet, the course copy offer, and the students' "not set up yet" page. */
@NullMarked
package app.cairn.deeplinking.ui;

import org.jspecify.annotations.NullMarked;
