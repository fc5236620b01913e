package uk.gov.bristol.alp.platform.codes;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Attendance codes of the School Attendance (Pupil Registration) (England) Regulations 2024, reg 10,
 * in force from 19 August 2024. H, Y and J were withdrawn that day: valid only for earlier dates.
 */
public enum AttendanceCode {
    PRESENT_AM("/", "Present (AM)"),
    PRESENT_PM("\\", "Present (PM)"),
    L("L", "Late, arrived before the register closed"),
    K("K", "Attending education provision arranged by the local authority"),
    V("V", "Attending an educational visit or trip"),
    P("P", "Participating in a supervised sporting activity"),
    W("W", "Attending work experience"),
    B("B", "Attending any other approved educational activity"),
    D("D", "Dual registered, at another school"),
    C1("C1", "Leave of absence for a regulated performance or employment abroad"),
    M("M", "Leave of absence for a medical or dental appointment"),
    J1("J1", "Leave of absence for an interview"),
    S("S", "Leave of absence for study leave"),
    X("X", "Not required to be in school (non-compulsory school age)"),
    C2("C2", "Leave of absence for a part-time timetable"),
    C("C", "Leave of absence for exceptional circumstances"),
    T("T", "Parent travelling for occupational purposes"),
    R("R", "Religious observance"),
    I("I", "Illness (not medical or dental appointment)"),
    E("E", "Suspended or permanently excluded, no alternative provision made"),
    Q("Q", "Unable to attend because of a lack of access arrangements"),
    Y1("Y1", "Unable to attend: transport not available"),
    Y2("Y2", "Unable to attend: widespread disruption to travel"),
    Y3("Y3", "Unable to attend: part of school premises closed"),
    Y4("Y4", "Unable to attend: whole school site unexpectedly closed"),
    Y5("Y5", "Unable to attend: in criminal justice detention"),
    Y6("Y6", "Unable to attend: public health guidance or law"),
    Y7("Y7", "Unable to attend: any other unavoidable cause"),
    G("G", "Holiday not granted by the school"),
    N("N", "Reason for absence not yet established"),
    O("O", "Absent in other or unknown circumstances"),
    U("U", "Arrived in school after registration closed"),
    Z("Z", "Prospective pupil not on admission register"),
    CLOSED("#", "Planned whole-school closure"),
    H_WITHDRAWN("H", "Holiday authorised (withdrawn 19 Aug 2024)"),
    Y_WITHDRAWN("Y", "Exceptional circumstances (withdrawn 19 Aug 2024)"),
    J_WITHDRAWN("J", "Interview (withdrawn 19 Aug 2024)");

    /** The first day of the 2024 code set. */
    public static final LocalDate REGULATIONS_2024 = LocalDate.of(2024, 8, 19);

    public final String code;
    public final String description;

    AttendanceCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public static Optional<AttendanceCode> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /**
     * The pupil attended: present, late before the register closed, or at an approved educational activity
     * (DfE 2024 "attending" codes, less D, which is attendance at another school).
     */
    public boolean countsAsAttending() {
        return switch (this) {
            case PRESENT_AM, PRESENT_PM, L, K, V, P, W, B -> true;
            default -> false;
        };
    }

    /**
     * Counts as a possible session: everything except not required to attend (X), not on the register (Z), a
     * planned closure (#), the Y codes (unable to attend for an unavoidable cause) and D (dual registered: the
     * session is the other school's; docs/domain-rules.md).
     */
    public boolean countsAsPossible() {
        return switch (this) {
            case X, Z, CLOSED, Y1, Y2, Y3, Y4, Y5, Y6, Y7, D -> false;
            default -> true;
        };
    }

    public boolean isWithdrawn() {
        return this == H_WITHDRAWN || this == Y_WITHDRAWN || this == J_WITHDRAWN;
    }

    /** May this code be recorded for a session on this date? */
    public boolean isValidOn(LocalDate session) {
        return !isWithdrawn() || session.isBefore(REGULATIONS_2024);
    }
}
