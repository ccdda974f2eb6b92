package app.cairn.rubric;

import org.jspecify.annotations.Nullable;

/**
 * An exemplar of quality work: a short text, or a link to the work with an optional caption.
 *
 * @param text the exemplar (TEXT) or the link's caption (LINK)
 * @param url  an http(s) address, for LINK only
 */
public record Exemplar(Kind kind, @Nullable String text, @Nullable String url) {

    public enum Kind {
        TEXT, LINK
    }

    public static Exemplar text(String text) {
        return new Exemplar(Kind.TEXT, text, null);
    }

    public static Exemplar link(String url, @Nullable String caption) {
        return new Exemplar(Kind.LINK, caption, url);
    }
}
