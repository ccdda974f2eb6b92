package app.cairn.shared.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * One message source for views, HTML pages and e-mails alike. Besides the shared bundle
 * {@code vaadin-i18n/translations}, every {@code i18n/<feature>.properties} on the class path is a bundle of
 * its own, so features add strings without touching each other's files.
 */
@Configuration(proxyBeanMethods = false)
public class Messages {

    /** The languages Cairn speaks; others fall back to the first. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.of("es"));

    static final String SHARED_BUNDLE = "vaadin-i18n/translations";
    static final String FEATURE_BUNDLES = "classpath*:i18n/*.properties";

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    I18NProvider i18nProvider(MessageSource messageSource) {
        return new I18NProvider() {
            @Override
            public List<Locale> getProvidedLocales() {
                return LOCALES;
            }

            @Override
            public String getTranslation(String key, Locale locale, Object... params) {
                try {
                    return messageSource.getMessage(key, params.length == 0 ? null : params,
                            Objects.requireNonNullElse(locale, Locale.ENGLISH));
                } catch (NoSuchMessageException missing) {
                    log.warn("No message for key {} in {}", key, locale);
                    return "!{" + key + "}!";
                }
            }
        };
    }

    /** The shared bundle first, then each feature bundle by name (locale variants are the same bundle). */
    public static List<String> basenames() {
        List<String> names = new ArrayList<>(List.of(SHARED_BUNDLE));
        try {
            TreeSet<String> features = new TreeSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FEATURE_BUNDLES)) {
                String file = Objects.requireNonNull(resource.getFilename());
                String bundle = file.substring(0, file.length() - ".properties".length());
                if (!bundle.contains("_")) {
                    features.add("i18n/" + bundle);
                }
            }
            names.addAll(features);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the message bundles", e);
        }
        return names;
    }
}
