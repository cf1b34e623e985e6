namespace BriefingBot.Knowledge;

/// <summary>One clause of a proposal.</summary>
public sealed record TermData(long ProposalId, string Topic, string Text, TermStatus Status) : FactData;

/// <summary>The home of terms (T4): one clause of a proposal, its wording and whether it is agreed.</summary>
public sealed class TermFact : FactKind<TermData>
{
    public override char Letter => 'T';
    public override string Word => "term";
    public override int BriefingOrder => 0;
    public override string BriefingHeading => "Terms and proposals";
    public override FactKind ParentKind => FactKinds.Get<ProposalFact>();

    protected override string SearchText(TermData t, Func<IEnumerable<long>, string> actorWords) =>
        Join(t.Topic, t.Text, Vocabulary.Phrase(t.Status));

    protected override long? ParentId(TermData t) => t.ProposalId;

    // Its topic names it where a line says what a statement is about: "the Energy infrastructure term (T3)".
    protected override FactColumns Columns(TermData t) => new(Title: t.Topic);

    protected override string Describe(TermData t, Func<long, string> name) => $"{t.Topic}: {t.Text} ({Vocabulary.Phrase(t.Status)})";

    // A rewording is what readers most need to see word for word; a status changed with it must show too (a clause
    // reworded and agreed in one update would otherwise hide that it was only proposed before). A status alone reads
    // "was proposed, now disputed"; a small edit shows the words that changed.
    protected override string? Difference(TermData before, TermData after, Func<long, string> name)
    {
        var topic = TextChange.Text(before.Topic, after.Topic, "topic");
        var status = TextChange.Value(Vocabulary.Phrase(before.Status), Vocabulary.Phrase(after.Status));
        if (before.Text == after.Text) return TextChange.Join(topic, status);
        if (TextChange.Part(before.Text, after.Text) is { } part) return TextChange.Join(topic, part, status);
        return TextChange.Join(topic, status is null
            ? $"was “{before.Text}”, now “{after.Text}”"
            : $"was “{before.Text}” ({Vocabulary.Phrase(before.Status)}), now “{after.Text}” ({Vocabulary.Phrase(after.Status)})");
    }
}
