package app.cairn.lti;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads platform registrations from {@code lti-config/platforms/*.yaml} at start-up. All files are
 * checked before any is stored, and a broken file stops start-up with its name and field, so an
 * administrator never runs with half of their platforms.
 */
@Component
class PlatformConfigLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfigLoader.class);

    private final PlatformRegistry registry;
    private final TransactionTemplate transaction;
    private final Path configDir;

    PlatformConfigLoader(PlatformRegistry registry, TransactionTemplate transaction,
                         @Value("${cairn.lti.config-dir}") Path configDir) {
        this.registry = registry;
        this.transaction = transaction;
        this.configDir = configDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Files.isDirectory(configDir)) {
            log.info("No platform registrations directory at {}; none loaded", configDir.toAbsolutePath());
            return;
        }
        List<PlatformRegistration> registrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path file : files.filter(PlatformConfigLoader::isYaml).sorted().toList()) {
                registrations.add(read(file));
            }
        }
        transaction.executeWithoutResult(status -> registrations.forEach(registry::register));
        log.info("Loaded {} platform registration(s) from {}", registrations.size(), configDir.toAbsolutePath());
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static PlatformRegistration read(Path file) throws IOException {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Platform file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException("Platform file " + file + " must be a YAML mapping of settings");
        }
        Object deployments = map.get("deployment_ids");
        List<String> deploymentIds = deployments instanceof List<?> list
                ? list.stream().map(d -> d == null ? "" : String.valueOf(d)).toList()
                : deployments == null ? List.of() : List.of(String.valueOf(deployments));
        PlatformRegistration registration = new PlatformRegistration(
                text(map, "name"), text(map, "issuer"), text(map, "client_id"), text(map, "auth_login_url"),
                text(map, "auth_token_url"), text(map, "jwks_url"), deploymentIds);
        try {
            PlatformRegistry.validate(registration);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Platform file " + file + ": " + e.getMessage(), e);
        }
        return registration;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value).trim();
    }
}
