package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.PanelMeeting;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Who reads which referrals and meetings (docs/access-matrix.md). Authority staff (the Hub, the SEND team,
 * the chair, auditors) read every one; a school reads its own; a panel member reads only the referrals on
 * the agendas of the meetings whose member accounts name them, and only those meetings.
 */
@RequestScoped
public class PanelAudience {
    private final Caller caller;
    private final EntityManager em;

    public PanelAudience(Caller caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    public boolean seesEverything() {
        return caller.isAuthorityWide();
    }

    public boolean maySee(Referral r) {
        return caller.canSeeSchool(r.schoolUrn)
                || (caller.hasRole(Roles.PANEL_MEMBER) && referralsOnMyAgendas().contains(r.id));
    }

    public boolean maySee(PanelMeeting m) {
        return seesEverything() || m.memberAccounts.contains(caller.username());
    }

    /** Narrows a referral query to what the caller may read: a school its own, a member those on their agendas. */
    public void narrow(Criteria criteria) {
        if (seesEverything()) {
            return;
        }
        List<String> scopes = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        if (caller.hasRole(Roles.SCHOOL_STAFF)) {
            scopes.add("schoolUrn = :own");
            values.put("own", caller.ownSchoolUrn());
        }
        List<UUID> mine = caller.hasRole(Roles.PANEL_MEMBER) ? referralsOnMyAgendas() : List.of();
        if (!mine.isEmpty()) {
            scopes.add("id in :mine");
            values.put("mine", mine);
        }
        criteria.always(scopes.isEmpty() ? "1 = 0" : "(" + String.join(" or ", scopes) + ")", values);
    }

    /** The referrals on the agendas of meetings the caller sits on (none for a caller who sits on none). */
    @SuppressWarnings("unchecked")
    public List<UUID> referralsOnMyAgendas() {
        return em.createNativeQuery("""
                        select a.referral_id from agenda_item a join panel_meeting m on m.id = a.meeting_id
                        where m.member_accounts @> jsonb_build_array(cast(?1 as text))""", UUID.class)
                .setParameter(1, caller.username())
                .getResultList();
    }
}
