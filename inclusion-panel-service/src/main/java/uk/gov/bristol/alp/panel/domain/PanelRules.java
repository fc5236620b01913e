package uk.gov.bristol.alp.panel.domain;

import uk.gov.bristol.alp.platform.problem.ProblemType;

/**
 * The Inclusion Panel's broken-rule problem types, in one place, each with its own URI so a client can tell them
 * apart without reading text. {@code docs/domain-rules.md} says where each is enforced and which test proves it.
 */
public final class PanelRules {

    public static final ProblemType REFERRAL_NOT_ON_AGENDA = ProblemType.rule(
            "referral-not-on-agenda", "The panel decides a referral at a meeting whose agenda has it", 409);

    public static final ProblemType UNKNOWN_PANEL_MEETING =
            ProblemType.rule("unknown-panel-meeting", "The decision names a meeting that does not exist", 422);

    public static final ProblemType REFERRAL_ALREADY_DECIDED = ProblemType.rule(
            "referral-already-decided",
            "This referral already has a decision; a later decision must supersede it, naming it and why",
            409);

    public static final ProblemType DECISION_SUPERSEDE_TARGET = ProblemType.rule(
            "decision-supersede-target", "Only the referral's current decision can be superseded", 409);

    public static final ProblemType DECISION_TERMS =
            ProblemType.rule("decision-terms", "The decision lacks what its outcome requires", 422);

    public static final ProblemType REFERRAL_INCOMPLETE = ProblemType.rule(
            "referral-incomplete",
            "A referral needs graduated-response evidence and safeguarding information before it is submitted",
            422);

    public static final ProblemType REFERRAL_STATUS =
            ProblemType.rule("referral-status", "The referral is not in a status that allows this", 409);

    public static final ProblemType PANEL_NOT_QUORATE =
            ProblemType.rule("panel-not-quorate", "Too few of the meeting's members were present to decide", 422);

    public static final ProblemType NOT_A_PANEL_MEMBER =
            ProblemType.rule("not-a-panel-member", "Everyone named as present must be a member of the meeting", 422);

    public static final ProblemType QUORUM_EXCEEDS_MEMBERS =
            ProblemType.rule("quorum-exceeds-members", "The quorum cannot be more than the meeting's members", 422);

    private PanelRules() {}
}
