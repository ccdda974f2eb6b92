package app.cairn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Sign-in happens only through an LTI launch. The LTI endpoints are open (the LMS posts to them
 * cross-site, so they carry no CSRF token); every view requires a launched session and its role.
 * Anyone who arrives without one is sent to the "open Cairn from your course" page.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/lti/**", "/demo/**", "/styles/**", "/error").permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/lti/**", "/demo/**"));
        // Cairn lives in the LMS's iframe; X-Frame-Options would forbid exactly that.
        http.headers(headers -> headers.frameOptions(frame -> frame.disable()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/not-launched"));
        return http.build();
    }

    /** No passwords exist in Cairn: this stops Spring Boot from inventing a default user. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return username -> {
            throw new UsernameNotFoundException("Cairn has no password sign-in; launch it from the LMS");
        };
    }
}
