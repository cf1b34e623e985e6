using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Keeps the query tables (current state, contact participants, full-text index) in step with the newest revision.</summary>
internal sealed class FactProjection(ActorDirectory actors)
{
    public void Refresh(SqliteConnection connection, SqliteTransaction tx, long factId, long revisionId, FactData data,
        bool retracted, DateTimeOffset recordedAt)
    {
        var sortOn = SortDate(data) ?? DateOnly.FromDateTime(recordedAt.UtcDateTime);
        connection.Execute(
            """
            INSERT INTO current_facts (fact_id, kind, revision_id, live, parent_id, sort_on, contact_kind, donor_id, recipient_id, category, title)
            VALUES (@factId, @kind, @revisionId, @live, @parent, @sortOn, @contactKind, @donor, @recipient, @category, @title)
            ON CONFLICT (fact_id) DO UPDATE SET
                revision_id = excluded.revision_id, live = excluded.live, parent_id = excluded.parent_id,
                sort_on = excluded.sort_on, contact_kind = excluded.contact_kind, donor_id = excluded.donor_id,
                recipient_id = excluded.recipient_id, category = excluded.category, title = excluded.title
            """,
            new
            {
                factId,
                kind = Vocabulary.Word(data.Kind),
                revisionId,
                live = retracted ? 0 : 1,
                parent = (data as TermData)?.ProposalId,
                sortOn = StoredTime.Format(sortOn),
                contactKind = data is ContactData c ? Vocabulary.Word(c.Type) : null,
                donor = (data as AidData)?.DonorId,
                recipient = (data as AidData)?.RecipientId,
                category = data is AidData a ? Vocabulary.Word(a.Category) : null,
                title = (data as ProposalData)?.Name,
            }, tx);

        connection.Execute("DELETE FROM current_participants WHERE fact_id = @factId", new { factId }, tx);
        if (!retracted && data is ContactData contact)
            foreach (var actorId in contact.ParticipantIds.Distinct())
                connection.Execute(
                    "INSERT INTO current_participants (actor_id, sort_on, fact_id, contact_kind) VALUES (@actorId, @sortOn, @factId, @kind)",
                    new { actorId, sortOn = StoredTime.Format(sortOn), factId, kind = Vocabulary.Word(contact.Type) }, tx);

        connection.Execute("DELETE FROM fact_text WHERE rowid = @factId", new { factId }, tx);
        if (!retracted)
            connection.Execute("INSERT INTO fact_text (rowid, body) VALUES (@factId, @body)",
                new { factId, body = SearchText(data) }, tx);
    }

    private static DateOnly? SortDate(FactData data) => data switch
    {
        ContactData c => c.When?.Start,
        AidData a => a.Since?.Start,
        _ => null,
    };

    private string SearchText(FactData data) => data switch
    {
        ProposalData p => Join(p.Name, Vocabulary.Phrase(p.Status), p.Summary, Names(p.SponsorIds)),
        TermData t => Join(t.Topic, t.Text, Vocabulary.Phrase(t.Status)),
        ContactData c => Join(Vocabulary.Phrase(c.Type), Names(c.ParticipantIds), c.Place, c.Summary, c.Tone,
            c.Planned ? "planned" : null),
        AidData a => Join(Names([a.DonorId, a.RecipientId]), Vocabulary.Phrase(a.Category), Vocabulary.Phrase(a.Status),
            a.Amount, a.Note, "aid"),
        _ => "",
    };

    private string Names(IEnumerable<long> ids) =>
        string.Join(' ', ids.Select(id => actors.TryGet(id, out var a) ? string.Join(' ', a.Aliases.Prepend(a.Name)) : ""));

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
