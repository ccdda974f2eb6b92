package app.cairn.lti;

import static cairn.schema.Tables.TOOL_KEY;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Cairn's own RSA keys, used to sign what it sends to platforms (deep linking responses, client
 * assertions). Made on first start, kept in the database so every node signs with the same key.
 *
 * <p>Rotation without downtime: {@link #rotate()} adds a newer key that signs from then on; the
 * older key stays in the JWKS until {@link #retire(String)}, so tokens signed with it and
 * platforms' JWKS caches keep working during the switch.
 */
@Service
public class ToolKeys {

    private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

    private final DSLContext db;
    private final Clock clock;

    ToolKeys(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureKeyExists() {
        if (db.fetchCount(TOOL_KEY, TOOL_KEY.RETIRED_AT.isNull()) == 0) {
            String kid = rotate();
            log.info("Generated Cairn's first signing key, kid {}", kid);
        }
    }

    /** Makes a new key that signs from now on; earlier keys stay published. @return the new kid */
    public String rotate() {
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        RSAKey publicJwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        db.insertInto(TOOL_KEY)
                .set(TOOL_KEY.KID, kid)
                .set(TOOL_KEY.PUBLIC_JWK, publicJwk.toJSONString())
                .set(TOOL_KEY.PRIVATE_PKCS8, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .set(TOOL_KEY.CREATED_AT, now())
                .execute();
        return kid;
    }

    /** Stops publishing and using a key. The newest remaining key keeps signing. */
    public void retire(String kid) {
        if (db.fetchCount(TOOL_KEY, TOOL_KEY.RETIRED_AT.isNull(), TOOL_KEY.KID.ne(kid)) == 0) {
            throw new IllegalStateException("Rotate before retiring the last active key " + kid);
        }
        db.update(TOOL_KEY).set(TOOL_KEY.RETIRED_AT, now()).where(TOOL_KEY.KID.eq(kid)).execute();
    }

    /** The public keys platforms use to check Cairn's signatures. */
    public JWKSet publicKeys() {
        List<com.nimbusds.jose.jwk.JWK> keys = db.select(TOOL_KEY.PUBLIC_JWK).from(TOOL_KEY)
                .where(TOOL_KEY.RETIRED_AT.isNull()).orderBy(TOOL_KEY.CREATED_AT.desc())
                .fetch(TOOL_KEY.PUBLIC_JWK).stream().map(ToolKeys::parsePublic).toList();
        return new JWKSet(keys);
    }

    /** The claims as a JWT signed RS256 with the newest active key, its kid in the header. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signingKey();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cairn's signing key " + key.getKeyID() + " cannot sign", e);
        }
        return jwt.serialize();
    }

    /** The newest active key pair, for signing. */
    public RSAKey signingKey() {
        var row = db.selectFrom(TOOL_KEY).where(TOOL_KEY.RETIRED_AT.isNull())
                .orderBy(TOOL_KEY.CREATED_AT.desc()).limit(1).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("Cairn has no active signing key"));
        try {
            RSAKey publicJwk = RSAKey.parse(row.getPublicJwk());
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.getPrivatePkcs8())));
            return new RSAKey.Builder(publicJwk).privateKey(privateKey).build();
        } catch (ParseException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored key " + row.getKid() + " cannot be read", e);
        }
    }

    private static com.nimbusds.jose.jwk.JWK parsePublic(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
