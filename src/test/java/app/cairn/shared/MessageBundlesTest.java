package app.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.cairn.shared.i18n.Messages;

/**
 * Every language has every string of every bundle, no key is defined by two bundles, and no placeholder
 * message loses an apostrophe to MessageFormat.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void the_shared_bundle_and_feature_bundles_are_found() {
        assertThat(Messages.basenames()).first().isEqualTo("vaadin-i18n/translations");
    }

    @Test
    void spanish_has_exactly_the_english_keys_in_every_bundle() throws IOException {
        for (String bundle : Messages.basenames()) {
            assertThat(load(bundle + "_es.properties").stringPropertyNames()).as(bundle)
                    .containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").stringPropertyNames());
        }
    }

    @Test
    void no_key_is_defined_in_two_bundles() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String bundle : Messages.basenames()) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                String earlier = owner.put(key, bundle);
                assertThat(earlier).as(key + " is in " + earlier + " and " + bundle).isNull();
            }
        }
    }

    @Test
    void messages_with_placeholders_escape_their_apostrophes() throws IOException {
        for (String bundle : Messages.basenames()) {
            for (String file : new String[] {bundle + ".properties", bundle + "_es.properties"}) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    String message = messages.getProperty(key);
                    if (PLACEHOLDER.matcher(message).find()) {
                        assertThat(message.replace("''", "")).as(file + " " + key).doesNotContain("'");
                    }
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(Objects.requireNonNull(in, name), StandardCharsets.UTF_8));
        }
        return properties;
    }
}
