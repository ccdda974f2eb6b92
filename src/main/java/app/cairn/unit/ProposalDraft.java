package app.cairn.unit;

import java.util.List;

/**
 * What a student proposes.
 *
 * @param targetIds      the target it is for; a PROJECT names two or more
 * @param showsIndicator how the work will show the performance indicator(s)
 */
public record ProposalDraft(ProposalKind kind, List<Long> targetIds, String title, String plan, String showsIndicator) {
}
