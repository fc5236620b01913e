package uk.gov.bristol.alp.panel.service;

import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent.ReturnNote;

/**
 * What the use cases announce; the messaging package puts it in the outbox, in the caller's transaction. A port,
 * so that use cases never depend on how events are published.
 */
public interface PanelEvents {

    void submitted(Referral referral, boolean resubmission);

    void returned(Referral referral, ReturnNote note);

    void decided(Referral referral, Decision decision);
}
