package app.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every language has every string, and no placeholder message loses an apostrophe to MessageFormat. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void spanish_has_exactly_the_english_keys() throws IOException {
        assertThat(load("translations_es.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("translations.properties").stringPropertyNames());
    }

    @Test
    void messages_with_placeholders_escape_their_apostrophes() throws IOException {
        for (String bundle : new String[] {"translations.properties", "translations_es.properties"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (PLACEHOLDER.matcher(message).find()) {
                    assertThat(message.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
