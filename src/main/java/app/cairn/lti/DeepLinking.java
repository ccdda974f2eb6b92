package app.cairn.lti;

import static cairn.schema.Tables.LTI_DEEP_LINKING_REQUEST;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import cairn.schema.tables.records.LtiDeepLinkingRequestRecord;

/**
 * LTI Deep Linking 2.0 from the tool's side: keeps a teacher's deep linking request while they
 * choose, records their choice, and makes the signed {@code LtiDeepLinkingResponse} that goes back
 * to the LMS. Requests live in the database (any node can answer) and belong to the teacher who
 * launched them; everyone else is told they do not exist.
 */
@Service
public class DeepLinking {

    private static final Logger securityLog = LoggerFactory.getLogger("app.cairn.security.lti");
    /** The answer is posted at once by the browser; a few minutes cover a slow network and clock skew. */
    static final Duration RESPONSE_VALIDITY = Duration.ofMinutes(5);

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final ToolKeys toolKeys;
    private final PlatformRegistry platforms;
    private final MessageSource messages;
    private final Duration ttl;

    DeepLinking(DSLContext db, Clock clock, CurrentViewer currentViewer, ToolKeys toolKeys, PlatformRegistry platforms,
                MessageSource messages, @Value("${cairn.lti.deep-linking-ttl:1h}") Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.toolKeys = toolKeys;
        this.platforms = platforms;
        this.messages = messages;
        this.ttl = ttl;
    }

    /** What the return page posts: where to, and the signed answer. */
    record Answer(String returnUrl, String jwt) {
    }

    /**
     * Keeps the verified deep linking request of a teacher who has just been signed in as
     * {@code viewer}. @return the request's public id, for the picker's URL
     */
    @Transactional
    String open(Viewer viewer, VerifiedLaunch launch, String launchUrl) {
        DeepLinkingSettings settings = java.util.Objects.requireNonNull(launch.deepLinking());
        LocalDateTime now = now();
        String publicId = UUID.randomUUID().toString();
        db.insertInto(LTI_DEEP_LINKING_REQUEST)
                .set(LTI_DEEP_LINKING_REQUEST.PUBLIC_ID, publicId)
                .set(LTI_DEEP_LINKING_REQUEST.PLATFORM_ID, viewer.platformId())
                .set(LTI_DEEP_LINKING_REQUEST.COURSE_ID, viewer.courseId())
                .set(LTI_DEEP_LINKING_REQUEST.PERSON_ID, viewer.personId())
                .set(LTI_DEEP_LINKING_REQUEST.DEPLOYMENT_ID, launch.deploymentId())
                .set(LTI_DEEP_LINKING_REQUEST.RETURN_URL, settings.returnUrl())
                .set(LTI_DEEP_LINKING_REQUEST.LAUNCH_URL, launchUrl)
                .set(LTI_DEEP_LINKING_REQUEST.DATA_JSON, settings.dataJson())
                .set(LTI_DEEP_LINKING_REQUEST.ACCEPT_MULTIPLE, settings.acceptMultiple())
                .set(LTI_DEEP_LINKING_REQUEST.ACCEPT_LINE_ITEM, settings.acceptLineItem())
                .set(LTI_DEEP_LINKING_REQUEST.CREATED_AT, now)
                .set(LTI_DEEP_LINKING_REQUEST.EXPIRES_AT, now.plus(ttl))
                .execute();
        return publicId;
    }

    /**
     * The viewer's own deep linking request, while it waits for their choice: a teacher of the
     * course it was made in, who launched it, before it expired and before it was answered.
     */
    @Transactional(readOnly = true)
    public Optional<DeepLinkingRequest> request(String requestId) {
        Viewer viewer = currentViewer.requireTeacher();
        return own(viewer, requestId).filter(r -> r.getRespondedAt() == null && !expired(r))
                .map(r -> new DeepLinkingRequest(r.getPublicId(), r.getAcceptMultiple(), r.getAcceptLineItem()));
    }

    /**
     * Records the teacher's choice (no items: they cancelled) and returns the path of the page that
     * posts the signed answer to the LMS. Only the request's own teacher, once, before it expires.
     *
     * @throws AccessDeniedException when the request is not the viewer's, expired or already answered
     * @throws IllegalArgumentException for several items when the LMS takes only one
     */
    @Transactional
    public String respond(String requestId, List<DeepLinkItem> items) {
        Viewer viewer = currentViewer.requireTeacher();
        LtiDeepLinkingRequestRecord request = own(viewer, requestId)
                .filter(r -> r.getRespondedAt() == null && !expired(r))
                .orElseThrow(() -> new AccessDeniedException("No open deep linking request " + requestId));
        if (!request.getAcceptMultiple() && items.size() > 1) {
            throw new IllegalArgumentException("The LMS takes one item in this request, not " + items.size());
        }
        List<Object> json = new ArrayList<>();
        for (DeepLinkItem item : items) {
            json.add(contentItem(item, request.getLaunchUrl(), request.getAcceptLineItem()));
        }
        // Answered once: of two racing confirmations only the first is kept.
        int updated = db.update(LTI_DEEP_LINKING_REQUEST)
                .set(LTI_DEEP_LINKING_REQUEST.RESPONSE_ITEMS, JSONObjectUtils.toJSONString(Map.of("items", json)))
                .set(LTI_DEEP_LINKING_REQUEST.RESPONDED_AT, now())
                .where(LTI_DEEP_LINKING_REQUEST.ID.eq(request.getId()), LTI_DEEP_LINKING_REQUEST.RESPONDED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new AccessDeniedException("Deep linking request " + requestId + " was answered already");
        }
        securityLog.info("Deep linking answered: platform={} course={} person={} request={} items={}",
                viewer.platformId(), viewer.courseId(), viewer.personId(), requestId, items.size());
        return "/lti/deep-linking/" + requestId + "/return";
    }

    /**
     * The signed answer of the viewer's answered request, made now (fresh nonce and times), for the
     * page that posts it to the LMS. Empty when the request is not the viewer's, not answered, or expired.
     */
    @Transactional(readOnly = true)
    Optional<Answer> answer(String requestId, Locale locale) {
        Optional<Viewer> viewer = currentViewer.find().filter(Viewer::isTeacher);
        if (viewer.isEmpty()) {
            return Optional.empty();
        }
        Optional<LtiDeepLinkingRequestRecord> found = own(viewer.get(), requestId)
                .filter(r -> r.getRespondedAt() != null && r.getResponseItems() != null && !expired(r));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LtiDeepLinkingRequestRecord request = found.get();
        Platform platform = platforms.findById(request.getPlatformId())
                .orElseThrow(() -> new IllegalStateException("platform " + request.getPlatformId() + " is gone"));
        try {
            List<Object> items = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(request.getResponseItems()), "items");
            return Optional.of(new Answer(request.getReturnUrl(), sign(request, platform, items, locale)));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored deep linking answer " + requestId + " cannot be read", e);
        }
    }

    private String sign(LtiDeepLinkingRequestRecord request, Platform platform, List<Object> items, Locale locale)
            throws ParseException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(RESPONSE_VALIDITY)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, request.getDeploymentId())
                .claim(LtiClaims.DL_CONTENT_ITEMS, items);
        if (request.getDataJson() != null) {
            claims.claim(LtiClaims.DL_DATA, JSONObjectUtils.parse(request.getDataJson()).get("data"));
        }
        if (!items.isEmpty()) {
            claims.claim(LtiClaims.DL_MSG, messages.getMessage("deeplinking.lms-message", new Object[] {items.size()},
                    "Cairn units added: " + items.size(), locale));
        }
        return toolKeys.sign(claims.build());
    }

    /** The content item for an LTI resource link, in the shape of Deep Linking 2.0. */
    private static Map<String, Object> contentItem(DeepLinkItem item, String launchUrl, boolean acceptLineItem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", LtiClaims.LTI_RESOURCE_LINK_TYPE);
        json.put("title", item.title());
        if (item.text() != null && !item.text().isBlank()) {
            json.put("text", item.text());
        }
        json.put("url", launchUrl);
        if (!item.custom().isEmpty()) {
            json.put("custom", new LinkedHashMap<>(item.custom()));
        }
        DeepLinkItem.LineItem lineItem = item.lineItem();
        if (lineItem != null && acceptLineItem) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", lineItem.label());
            line.put("scoreMaximum", lineItem.scoreMaximum());
            line.put("resourceId", lineItem.resourceId());
            line.put("tag", lineItem.tag());
            json.put("lineItem", line);
        }
        return json;
    }

    /** The request, if the viewer (same platform, course and person) made it. */
    private Optional<LtiDeepLinkingRequestRecord> own(Viewer viewer, @Nullable String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 36) {
            return Optional.empty();
        }
        return db.selectFrom(LTI_DEEP_LINKING_REQUEST)
                .where(LTI_DEEP_LINKING_REQUEST.PUBLIC_ID.eq(requestId),
                        LTI_DEEP_LINKING_REQUEST.PLATFORM_ID.eq(viewer.platformId()),
                        LTI_DEEP_LINKING_REQUEST.COURSE_ID.eq(viewer.courseId()),
                        LTI_DEEP_LINKING_REQUEST.PERSON_ID.eq(viewer.personId()))
                .fetchOptional();
    }

    private boolean expired(LtiDeepLinkingRequestRecord request) {
        return !request.getExpiresAt().isAfter(now());
    }

    /** Requests are kept a day past their expiry, for support questions, then dropped. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void purgeExpired() {
        db.deleteFrom(LTI_DEEP_LINKING_REQUEST).where(LTI_DEEP_LINKING_REQUEST.EXPIRES_AT.lt(now().minusDays(1))).execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }
}
