package app.cairn.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import app.cairn.shared.i18n.Messages;

/** Every refusal has its two messages (what went wrong, what to do) in some bundle; both languages have every key. */
class RefusalMessagesTest {

    @Test
    void every_refusal_says_what_went_wrong_and_what_to_do() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(Messages.basenames().toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Refusal refusal : Refusal.values()) {
            for (String key : new String[] {refusal.messageKey(), refusal.messageKey() + ".todo"}) {
                assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
            }
        }
    }
}
