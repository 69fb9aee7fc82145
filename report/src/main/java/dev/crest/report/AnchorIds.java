package dev.crest.report;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Hands out unique, readable fragment ids ({@code sec-results}, {@code sec-results-2}) for one page. */
final class AnchorIds {

    private static final int MAX_SLUG = 60;
    private final Set<String> used = new HashSet<>();

    String forSection(String heading, int ordinal) {
        String slug = slug(heading);
        String base = slug.isEmpty() ? "sec-" + ordinal : "sec-" + slug;
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }
}
