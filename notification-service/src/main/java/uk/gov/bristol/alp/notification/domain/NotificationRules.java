package uk.gov.bristol.alp.notification.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/**
 * Who is told what (docs/notifications.md): one place for every rule. Plain Java, no framework.
 *
 * <ul>
 *   <li>A referral returned or decided: the referring school (a referral to the SEND team: that team too). A referral
 *       submitted: the Hub duty inbox.
 *   <li>A placement proposed to a provider: the provider.
 *   <li>A safeguarding concern (raised or escalated) and a pupil not arrived: the Hub duty inbox and the school, at
 *       once whatever their preference. Other attention items: the school (a contact overdue, the provider too), or
 *       the Hub for those only the Hub acts on (a placement flagged for review, a SEND emergency placement).
 *   <li>A provider's evidence lapsed: the registry team and the provider.
 *   <li>A commitment awaiting approval, a budget passing a threshold: finance approvers (100 % at once); a
 *       commitment overdue for approval: finance approvers (at once for an EHC-plan pupil) and, through the
 *       placement's attention item, the Hub.
 * </ul>
 */
public final class NotificationRules {
    public static final ProblemType RECIPIENT_KEY = ProblemType.rule(
            "recipient-key", "A school or provider recipient needs its URN or id; a team recipient has none", 422);
    public static final ProblemType NOT_RESENDABLE = ProblemType.rule(
            "notification-not-resendable", "Only a failed, uncertain or unaddressed notification can be resent", 409);

    static final Set<String> URGENT_ATTENTION = Set.of("SAFEGUARDING_CONCERN", "SAFEGUARDING_ESCALATED", "NOT_ARRIVED");
    private static final Set<String> HUB_ONLY_ATTENTION =
            Set.of("REVIEW_NEEDED", "SEND_EMERGENCY", "FUNDING_APPROVAL_OVERDUE", "OFFER_DECLINED");

    /** What an attention kind means, in a subject line. Unknown kinds (newer producers) read as their name. */
    private static final Map<String, String> ATTENTION_HEADLINES = Map.ofEntries(
            Map.entry("NOT_STARTED", "not started on its start date"),
            Map.entry("REVIEW_OVERDUE", "review overdue"),
            Map.entry("CONTACT_OVERDUE", "no contact between school and provider for over a week"),
            Map.entry("ATTENDANCE_CONCERN", "persistent absence"),
            Map.entry("NOT_ARRIVED", "pupil not arrived today"),
            Map.entry("KEEP_IN_TOUCH_DUE", "keep-in-touch contact due"),
            Map.entry("SAFEGUARDING_CONCERN", "safeguarding concern raised"),
            Map.entry("SAFEGUARDING_ESCALATED", "safeguarding concern not acknowledged"),
            Map.entry("REVIEW_NEEDED", "flagged for review"),
            Map.entry("FAMILY_AGREEMENT_MISSING", "no recorded family agreement"),
            Map.entry("SEND_EMERGENCY", "SEND emergency placement"),
            Map.entry("FUNDING_APPROVAL_OVERDUE", "finance approval overdue"),
            Map.entry("OFFER_DECLINED", "offer declined by the provider"),
            Map.entry("OFFER_OVERDUE", "offer not answered in time"),
            Map.entry("DOCUMENT_EXPIRED", "a document has expired"));

    private NotificationRules() {}

    /** The notifications an occurrence calls for; none for events nobody needs to hear about. */
    public static List<Intent> intents(Occurrence o) {
        List<Intent> intents = new ArrayList<>();
        switch (o.eventType()) {
            case EventTypes.REFERRAL_SUBMITTED -> intents.add(team(Audience.HUB_DUTY, "referral-submitted", false));
            case EventTypes.REFERRAL_RETURNED -> intents.add(school(o, "referral-returned", false));
            case EventTypes.PANEL_DECISION_MADE -> {
                intents.add(school(o, "panel-decision", false));
                if ("REFER_TO_SEND".equals(o.kind())) {
                    intents.add(team(Audience.SEND_TEAM, "referred-to-send", false));
                }
            }
            case EventTypes.PLACEMENT_PROPOSED -> intents.add(provider(o, "placement-proposed", false));
            case EventTypes.PLACEMENT_ATTENTION_NEEDED -> attention(o, intents);
            case EventTypes.PROVIDER_COMPLIANCE_LAPSED -> {
                intents.add(team(Audience.REGISTRY_TEAM, "provider-compliance-lapsed", false));
                intents.add(provider(o, "provider-compliance-lapsed", false));
            }
            case EventTypes.PROVIDER_EVIDENCE_EXPIRING -> {
                intents.add(team(Audience.REGISTRY_TEAM, "provider-evidence-expiring", false));
                intents.add(provider(o, "provider-evidence-expiring", false));
            }
            case EventTypes.COMMITMENT_CREATED -> {
                if ("PENDING".equals(o.kind())) {
                    intents.add(team(Audience.FINANCE_APPROVERS, "commitment-awaiting-approval", false));
                }
            }
            case EventTypes.COMMITMENT_APPROVAL_OVERDUE ->
                intents.add(team(Audience.FINANCE_APPROVERS, "commitment-approval-overdue", "true".equals(o.kind())));
            case EventTypes.BUDGET_THRESHOLD_REACHED ->
                intents.add(team(Audience.FINANCE_APPROVERS, "budget-threshold", "100".equals(o.kind())));
            default -> {
                // Every other event is for other services' read models, not for people.
            }
        }
        return intents.stream()
                .filter(i -> !i.audience().keyed() || present(i.key()))
                .toList();
    }

    private static void attention(Occurrence o, List<Intent> intents) {
        String kind = o.kind();
        if (URGENT_ATTENTION.contains(kind)) {
            String template = kind.startsWith("SAFEGUARDING") ? "attention-safeguarding" : "attention-not-arrived";
            intents.add(team(Audience.HUB_DUTY, template, true));
            intents.add(school(o, template, true));
        } else if (HUB_ONLY_ATTENTION.contains(kind) || !ATTENTION_HEADLINES.containsKey(kind)) {
            intents.add(team(Audience.HUB_DUTY, "attention", false));
        } else if ("OFFER_OVERDUE".equals(kind)) {
            intents.add(team(Audience.HUB_DUTY, "attention", false));
            intents.add(provider(o, "attention", false));
        } else {
            intents.add(school(o, "attention", false));
            if ("CONTACT_OVERDUE".equals(kind)) {
                intents.add(provider(o, "attention", false));
            }
        }
    }

    /** The subject-line words for an attention kind. */
    public static String attentionHeadline(String kind) {
        if (kind == null) {
            return "needs attention";
        }
        return ATTENTION_HEADLINES.getOrDefault(kind, kind.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * How long to wait before the next try after {@code attempts} failures: {@code base} doubled each time, at most
     * {@code max}.
     */
    public static Duration retryAfter(int attempts, Duration base, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Intent team(Audience team, String template, boolean urgent) {
        return new Intent(team, "", template, urgent);
    }

    private static Intent school(Occurrence o, String template, boolean urgent) {
        return new Intent(Audience.SCHOOL, o.schoolUrn(), template, urgent);
    }

    private static Intent provider(Occurrence o, String template, boolean urgent) {
        return new Intent(Audience.PROVIDER, o.providerId(), template, urgent);
    }

    private static boolean present(String key) {
        return key != null && !key.isBlank();
    }
}
