package app.cairn.lti;

import static cairn.schema.Tables.LTI_LOGIN;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state, nonce and browser secret of each OIDC login, kept in the database so that a launch
 * can finish on any node and a nonce is used once across all of them.
 */
@Component
class LoginStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;
    private final Duration ttl;

    LoginStore(DSLContext db, Clock clock, @Value("${cairn.lti.login-ttl}") Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    record Login(String state, String nonce, String browserSecret, long platformId, String targetLinkUri,
                 String loginHint, @Nullable String messageHint, @Nullable String storageTarget,
                 LocalDateTime expiresAt, @Nullable LocalDateTime usedAt) {
    }

    Login begin(long platformId, String targetLinkUri, String loginHint, @Nullable String messageHint,
                @Nullable String storageTarget) {
        LocalDateTime now = now();
        Login login = new Login(randomToken(), randomToken(), randomToken(), platformId, targetLinkUri,
                loginHint, messageHint, storageTarget, now.plus(ttl), null);
        db.insertInto(LTI_LOGIN)
                .set(LTI_LOGIN.STATE, login.state())
                .set(LTI_LOGIN.NONCE, login.nonce())
                .set(LTI_LOGIN.BROWSER_SECRET, login.browserSecret())
                .set(LTI_LOGIN.PLATFORM_ID, platformId)
                .set(LTI_LOGIN.TARGET_LINK_URI, targetLinkUri)
                .set(LTI_LOGIN.LOGIN_HINT, loginHint)
                .set(LTI_LOGIN.LTI_MESSAGE_HINT, messageHint)
                .set(LTI_LOGIN.STORAGE_TARGET, storageTarget)
                .set(LTI_LOGIN.CREATED_AT, now)
                .set(LTI_LOGIN.EXPIRES_AT, login.expiresAt())
                .execute();
        return login;
    }

    Optional<Login> find(String state) {
        return db.selectFrom(LTI_LOGIN).where(LTI_LOGIN.STATE.eq(state)).fetchOptional(r -> new Login(
                r.getState(), r.getNonce(), r.getBrowserSecret(), r.getPlatformId(), r.getTargetLinkUri(),
                r.getLoginHint(), r.getLtiMessageHint(), r.getStorageTarget(), r.getExpiresAt(), r.getUsedAt()));
    }

    /** How long a login may take to come back as a launch. */
    Duration ttl() {
        return ttl;
    }

    boolean isExpired(Login login) {
        return !login.expiresAt().isAfter(now());
    }

    /**
     * Marks the login's nonce used. Atomic across nodes: of two launches racing with one token,
     * exactly one gets {@code true}.
     */
    boolean consume(String state) {
        return db.update(LTI_LOGIN).set(LTI_LOGIN.USED_AT, now())
                .where(LTI_LOGIN.STATE.eq(state), LTI_LOGIN.USED_AT.isNull())
                .execute() == 1;
    }

    /** Logins are only bookkeeping; a day after they expire nobody can use or replay them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        db.deleteFrom(LTI_LOGIN).where(LTI_LOGIN.EXPIRES_AT.lt(now().minusDays(1))).execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
