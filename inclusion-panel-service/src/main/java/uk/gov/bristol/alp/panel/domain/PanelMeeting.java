package uk.gov.bristol.alp.panel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/** A meeting of the Inclusion Panel: its members, the quorum for a decision, and an agenda of referrals. */
@Entity
@Table(name = "panel_meeting")
public class PanelMeeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_date")
    public LocalDate meetingDate;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> members;

    /** Login names of the members who sit (may be fewer than {@link #members}: not every member has an account). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "member_accounts")
    public List<String> memberAccounts = List.of();

    public int quorum;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static void requireQuorumPossible(List<String> members, int quorum) {
        if (quorum > members.size()) {
            throw new ProblemException(
                    PanelRules.QUORUM_EXCEEDS_MEMBERS,
                    "quorum " + quorum + " but " + members.size() + " member(s)",
                    List.of(new FieldError("quorum", "atMostMembers", "must not exceed the number of members")));
        }
    }

    /** A decision's members present: each one a member of this meeting, and at least the quorum of them. */
    public void requireQuorate(List<String> present) {
        List<String> strangers =
                present.stream().filter(name -> !members.contains(name)).toList();
        if (!strangers.isEmpty()) {
            throw new ProblemException(
                    PanelRules.NOT_A_PANEL_MEMBER,
                    "not members of this meeting: " + strangers,
                    List.of(new FieldError("membersPresent", "memberOfMeeting", "not members: " + strangers)));
        }
        long distinct = present.stream().distinct().count();
        if (distinct < quorum) {
            throw new ProblemException(
                    PanelRules.PANEL_NOT_QUORATE,
                    distinct + " present, quorum is " + quorum,
                    List.of(new FieldError("membersPresent", "quorum", "at least " + quorum + " members")));
        }
    }
}
