package app.cairn.unit;

/** Where a student's proposal stands; RETURNED carries the teacher's comment. */
public enum ProposalStatus {
    PENDING,
    APPROVED,
    RETURNED
}
