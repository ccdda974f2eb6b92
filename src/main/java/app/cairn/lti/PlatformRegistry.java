package app.cairn.lti;

import static cairn.schema.Tables.PLATFORM;
import static cairn.schema.Tables.PLATFORM_DEPLOYMENT;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The LMS platforms Cairn trusts, and their deployments. Stored so every node sees the same. */
@Service
public class PlatformRegistry {

    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(60);
    private static final Duration REVALIDATE_INTERVAL = Duration.ofSeconds(2);

    private final DSLContext db;
    private final Clock clock;

    PlatformRegistry(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds or updates a platform (matched by issuer and client id) and adds its deployments.
     * Deployments are never removed here: courses made through them keep working.
     *
     * @return the platform's id
     * @throws IllegalArgumentException naming the field that is missing or not a URL
     */
    @Transactional
    public long register(PlatformRegistration registration) {
        return register(registration, false);
    }

    /**
     * As {@link #register(PlatformRegistration)}; {@code deploymentMayFollow} accepts a platform
     * without deployments yet (dynamic registration, where some LMSs create the deployment when an
     * administrator installs the tool).
     */
    @Transactional
    long register(PlatformRegistration registration, boolean deploymentMayFollow) {
        validate(registration, deploymentMayFollow);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        Long id = db.select(PLATFORM.ID).from(PLATFORM)
                .where(PLATFORM.ISSUER.eq(registration.issuer()), PLATFORM.CLIENT_ID.eq(registration.clientId()))
                .fetchOne(PLATFORM.ID);
        if (id == null) {
            id = db.insertInto(PLATFORM)
                    .set(PLATFORM.NAME, registration.name())
                    .set(PLATFORM.ISSUER, registration.issuer())
                    .set(PLATFORM.CLIENT_ID, registration.clientId())
                    .set(PLATFORM.AUTH_LOGIN_URL, registration.authLoginUrl())
                    .set(PLATFORM.AUTH_TOKEN_URL, registration.authTokenUrl())
                    .set(PLATFORM.JWKS_URL, registration.jwksUrl())
                    .set(PLATFORM.CREATED_AT, now)
                    .set(PLATFORM.UPDATED_AT, now)
                    .returning(PLATFORM.ID).fetchOne(PLATFORM.ID);
        } else {
            db.update(PLATFORM)
                    .set(PLATFORM.NAME, registration.name())
                    .set(PLATFORM.AUTH_LOGIN_URL, registration.authLoginUrl())
                    .set(PLATFORM.AUTH_TOKEN_URL, registration.authTokenUrl())
                    .set(PLATFORM.JWKS_URL, registration.jwksUrl())
                    .set(PLATFORM.UPDATED_AT, now)
                    .where(PLATFORM.ID.eq(id)).execute();
        }
        snapshot = null;
        for (String deploymentId : registration.deploymentIds()) {
            db.insertInto(PLATFORM_DEPLOYMENT)
                    .set(PLATFORM_DEPLOYMENT.PLATFORM_ID, id)
                    .set(PLATFORM_DEPLOYMENT.DEPLOYMENT_ID, deploymentId)
                    .set(PLATFORM_DEPLOYMENT.CREATED_AT, now)
                    .onDuplicateKeyIgnore().execute();
        }
        // Forget the cache again once committed, or a reader in between would keep the old view.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        }
        return id;
    }

    static void validate(PlatformRegistration r) {
        validate(r, false);
    }

    private static void validate(PlatformRegistration r, boolean deploymentMayFollow) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "name", r.name());
        requireText(problems, "issuer", r.issuer());
        requireText(problems, "client_id", r.clientId());
        requireUrl(problems, "auth_login_url", r.authLoginUrl());
        requireUrl(problems, "auth_token_url", r.authTokenUrl());
        requireUrl(problems, "jwks_url", r.jwksUrl());
        if (r.deploymentIds() == null || r.deploymentIds().isEmpty() && !deploymentMayFollow
                || r.deploymentIds().stream().anyMatch(d -> d == null || d.isBlank())) {
            problems.add("deployment_ids must list at least one deployment id, none blank");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        }
    }

    private static void requireUrl(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
            return;
        }
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(field + " is not an http(s) URL: " + value);
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + " is not a URL: " + value);
        }
    }

    List<Platform> findByIssuer(String issuer) {
        List<Platform> found = snapshot(false).byIssuer().getOrDefault(issuer, List.of());
        return found.isEmpty() ? snapshot(true).byIssuer().getOrDefault(issuer, List.of()) : found;
    }

    Optional<Platform> findById(long id) {
        Platform found = snapshot(false).byId().get(id);
        return Optional.ofNullable(found != null ? found : snapshot(true).byId().get(id));
    }

    /** The row id of a registered deployment, if the platform has it. */
    public Optional<Long> findDeployment(long platformId, String deploymentId) {
        Long found = snapshot(false).deployments().getOrDefault(platformId, Map.of()).get(deploymentId);
        return Optional.ofNullable(found != null ? found
                : snapshot(true).deployments().getOrDefault(platformId, Map.of()).get(deploymentId));
    }

    /**
     * Registrations change rarely and are read at every login and launch, so they are kept in
     * memory. Another node may register or change a platform at any time, so the snapshot is
     * checked against a cheap version of the tables (row counts, newest change): on every miss (a
     * platform just registered elsewhere is found at once) and at most every few seconds on hits
     * (a changed URL reaches every node within seconds). A full reload runs only when the version
     * moved, and every minute as a backstop.
     */
    private record Snapshot(Map<String, List<Platform>> byIssuer, Map<Long, Platform> byId,
                            Map<Long, Map<String, Long>> deployments, Version version, Instant loadedAt,
                            Instant checkedAt) {
        Snapshot checked(Instant now) {
            return new Snapshot(byIssuer, byId, deployments, version, loadedAt, now);
        }
    }

    /** Enough to tell that another node added or changed a platform or a deployment. */
    private record Version(int platforms, @Nullable LocalDateTime lastPlatformChange, int deployments,
                           @Nullable Long lastDeploymentId) {
    }

    private volatile @Nullable Snapshot snapshot;

    private Snapshot snapshot(boolean missed) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(SNAPSHOT_TTL).isBefore(now)) {
            current = load(now);
            snapshot = current;
        } else if (missed || current.checkedAt().plus(REVALIDATE_INTERVAL).isBefore(now)) {
            current = version().equals(current.version()) ? current.checked(now) : load(now);
            snapshot = current;
        }
        return current;
    }

    private Version version() {
        var counts = db.select(
                        DSL.field(DSL.selectCount().from(PLATFORM)),
                        DSL.field(DSL.select(DSL.max(PLATFORM.UPDATED_AT)).from(PLATFORM)),
                        DSL.field(DSL.selectCount().from(PLATFORM_DEPLOYMENT)),
                        DSL.field(DSL.select(DSL.max(PLATFORM_DEPLOYMENT.ID)).from(PLATFORM_DEPLOYMENT)))
                .fetchSingle();
        return new Version(counts.value1(), counts.value2(), counts.value3(), counts.value4());
    }

    private Snapshot load(Instant now) {
        // The version first: a change that lands during the load makes the next check reload again.
        Version version = version();
        List<Platform> all = db.selectFrom(PLATFORM).fetch(PlatformRegistry::toPlatform);
        Map<Long, Map<String, Long>> deployments = new HashMap<>();
        db.selectFrom(PLATFORM_DEPLOYMENT).forEach(d -> deployments
                .computeIfAbsent(d.getPlatformId(), id -> new HashMap<>()).put(d.getDeploymentId(), d.getId()));
        return new Snapshot(all.stream().collect(Collectors.groupingBy(Platform::issuer)),
                all.stream().collect(Collectors.toMap(Platform::id, p -> p)), deployments, version, now, now);
    }

    private static Platform toPlatform(Record r) {
        return new Platform(r.get(PLATFORM.ID), r.get(PLATFORM.NAME), r.get(PLATFORM.ISSUER),
                r.get(PLATFORM.CLIENT_ID), r.get(PLATFORM.AUTH_LOGIN_URL), r.get(PLATFORM.AUTH_TOKEN_URL),
                r.get(PLATFORM.JWKS_URL));
    }
}
