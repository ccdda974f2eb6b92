/**
 * What students, families and school leaders read: proficiency over time, the class's distribution
 * of levels, family progress reports (print page and PDF) and CSV exports. Charts are SVG drawn on
 * the server, each with a table beside it for screen readers.
 */
@NullMarked
package app.cairn.report;

import org.jspecify.annotations.NullMarked;
