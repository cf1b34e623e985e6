namespace BriefingBot.Knowledge;

/// <summary>What was said and discussed about a proposal in a past view, as <see cref="FactQueries.About"/> reads it now.</summary>
public sealed partial class FactQueries
{
    /// <summary>
    /// The newest facts of a kind (statements, contacts) about a fact or, for a proposal, about any of its terms, in
    /// <paramref name="view"/>: each as the view sees it (known by its as-of day, in effect on its day), about the proposal
    /// or a term it had then; now, <see cref="About"/>.
    /// </summary>
    public Page<FactView> AboutAt(long factId, FactKind kind, int limit, TimeView view)
    {
        if (view.IsNow) return About(factId, kind, limit);
        // As StatementsAt does for about: every term the proposal ever had is walked, as one may have moved since.
        HashSet<long> targets = [factId, .. TermsAt(factId, view).Select(t => t.Current.FactId)];
        var lists = targets.Concat(TermsEver(factId)).Distinct().Select(t => PastLists.About(kind, t)).ToList();
        return PastList(lists, null, null, limit, view,
            f => f.Data.Kind == kind && f.Data.Kind.Links(f.Data).Any(targets.Contains), shortLists: true);
    }
}
