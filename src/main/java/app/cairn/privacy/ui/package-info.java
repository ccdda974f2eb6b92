/** The Privacy tab: retention, export and deletion for teachers; "your data" for students. */
@NullMarked
package app.cairn.privacy.ui;

import org.jspecify.annotations.NullMarked;
