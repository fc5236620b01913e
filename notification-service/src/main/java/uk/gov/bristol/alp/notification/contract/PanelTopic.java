package uk.gov.bristol.alp.notification.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * What this service reads of {@code alp.panel.v1}. Deliberately not the decision's pupil: nothing about a pupil is
 * read, so no template can show it.
 */
public final class PanelTopic {

    /** A referral submitted, returned or decided (asyncapi: referralSubmitted, referralReturned, panelDecisionMade). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReferralNews(
            UUID referralId, String schoolUrn, String requested, Boolean fairAccess, String outcome) {}

    private PanelTopic() {}
}
