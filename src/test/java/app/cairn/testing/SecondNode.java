package app.cairn.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import app.cairn.CairnApplication;

/**
 * A second Cairn node beside the test context: the whole application again, in its own Spring
 * context on its own random port, over the same MariaDB database, as a second server behind a load
 * balancer would be. It reaches the database through a {@link TcpProxy}, so tests can take the
 * database away from this node.
 *
 * <p>Started once per test JVM by the first test that asks (it costs a context start-up), shared
 * by the multi-node and outage tests, and closed at JVM exit. Its settings are the test profile's,
 * so its score worker is off too: tests drive workers themselves.
 */
public final class SecondNode {

    private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
    private static SecondNode instance;

    private final ConfigurableApplicationContext context;
    private final TcpProxy database;

    private SecondNode(ConfigurableApplicationContext context, TcpProxy database) {
        this.context = context;
        this.database = database;
    }

    /** The second node beside the test context {@code first}, started on first use. */
    public static synchronized SecondNode beside(ApplicationContext first) {
        if (instance == null) {
            String url = first.getEnvironment().getRequiredProperty("spring.datasource.url");
            Matcher hostPort = HOST_PORT.matcher(url);
            if (!hostPort.find()) {
                throw new IllegalStateException("Cannot read host and port from " + url);
            }
            TcpProxy proxy = TcpProxy.to(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
            String proxied = hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
            // As command-line arguments: SpringApplicationBuilder.properties() are only defaults,
            // which application.yml overrides (server.port would be 8080).
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CairnApplication.class)
                    .profiles("test")
                    .run("--server.port=0",
                            "--spring.application.name=cairn-node-b",
                            "--spring.datasource.url=" + proxied,
                            "--spring.datasource.username=" + first.getEnvironment().getProperty("spring.datasource.username", "root"),
                            "--spring.datasource.password=" + first.getEnvironment().getProperty("spring.datasource.password", ""),
                            "--spring.datasource.hikari.pool-name=node-b");
            instance = new SecondNode(context, proxy);
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The proxy between this node and MariaDB: cut it for an outage, restore it to end one. */
    public TcpProxy database() {
        return database;
    }
}
