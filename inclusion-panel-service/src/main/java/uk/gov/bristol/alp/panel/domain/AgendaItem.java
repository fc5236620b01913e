package uk.gov.bristol.alp.panel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral on a meeting's agenda, in the order the panel takes them. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "referral_id")
    public UUID referralId;

    public int position;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    public static List<AgendaItem> of(UUID meetingId) {
        return list("meetingId = ?1 order by position", meetingId);
    }

    /** Puts the referral last on the meeting's agenda. */
    public static AgendaItem add(UUID meetingId, UUID referralId, OffsetDateTime at) {
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.meetingId = meetingId;
        item.referralId = referralId;
        item.position = (int) count("meetingId", meetingId) + 1;
        item.addedAt = at;
        item.persist();
        return item;
    }

    /** Takes the referral off any agenda whose meeting has not decided on it (it was returned to the school). */
    public static void withdraw(UUID referralId) {
        getEntityManager().createQuery("""
                delete from AgendaItem a where a.referralId = :referral and not exists (
                    select 1 from Decision d where d.referralId = :referral and d.meetingId = a.meetingId)""").setParameter("referral", referralId).executeUpdate();
    }

    public static boolean onAgenda(UUID meetingId, UUID referralId) {
        return count("meetingId = ?1 and referralId = ?2", meetingId, referralId) > 0;
    }
}
