package app.cairn;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/** Cairn: a proficiency-based learning tool that an LMS launches over LTI 1.3. */
@SpringBootApplication
@EnableScheduling
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@StyleSheet(Lumo.STYLESHEET)
public class CairnApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CairnApplication.class, args);
    }

    /** All time comes from here, in UTC, so tests can fix it and nothing depends on the host zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
