package app.cairn.unit;

/**
 * What a student may propose, by the unit's continuum level: a co-designer an alternative option for
 * an assessment, a designer their own plan for a target, an advocate a project spanning several targets.
 */
public enum ProposalKind {
    ALTERNATIVE_OPTION(Continuum.CO_DESIGNER),
    OWN_PLAN(Continuum.DESIGNER),
    PROJECT(Continuum.ADVOCATE);

    private final Continuum from;

    ProposalKind(Continuum from) {
        this.from = from;
    }

    /** Whether a unit at this continuum level lets students make this kind of proposal. */
    public boolean allowedAt(Continuum level) {
        return level.ordinal() >= from.ordinal();
    }
}
