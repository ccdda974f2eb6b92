package app.cairn;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

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
                .requestMatchers("/lti/**", "/demo/**", "/styles/**", "/error", "/actuator/health/**").permitAll()
                // Metrics for the school's own monitoring only: scrapes from loopback or private networks.
                .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                        new AuthorizationDecision(isInternal(context.getRequest().getRemoteAddr()))));
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/lti/**", "/demo/**"));
        // Cairn lives in the LMS's iframe; X-Frame-Options would forbid exactly that.
        http.headers(headers -> headers.frameOptions(frame -> frame.disable()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/not-launched"));
        return http.build();
    }

    private static final List<IpAddressMatcher> INTERNAL_NETWORKS = Stream.of("127.0.0.0/8", "10.0.0.0/8",
            "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7", "fe80::/10").map(IpAddressMatcher::new).toList();

    /** Loopback or a private network. Only IP literals count: never a name to look up. */
    static boolean isInternal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        return INTERNAL_NETWORKS.stream().anyMatch(network -> network.matches(address));
    }

    /** No passwords exist in Cairn: this stops Spring Boot from inventing a default user. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return username -> {
            throw new UsernameNotFoundException("Cairn has no password sign-in; launch it from the LMS");
        };
    }
}
