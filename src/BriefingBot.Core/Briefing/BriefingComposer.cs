using System.Globalization;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>Writes a briefing: what changed since a moment (terms, contacts, aid, retractions), then what stands now.</summary>
public sealed class BriefingComposer(
    FactQueries queries, FactLines lines, ContactGraph graph, ActorDirectory actors, IOptions<KnowledgeOptions> options)
{
    public const int MaxChanges = 60;
    public const int PictureDays = 14;

    public Reply Compose(DateTimeOffset since, DateTimeOffset now, TimeZoneInfo? zone = null, bool withPicture = false, string? title = null)
    {
        zone ??= TimeZoneInfo.Utc;
        actors.CatchUp();
        var max = options.Value.MaxLines;
        var sections = new List<ReplySection>();

        var changes = queries.Changes(since, MaxChanges, now);
        var groups = changes.Items.Reverse().GroupBy(Group).OrderBy(g => g.Key.Order).ToList();
        var sinceText = $"since {Local(since, zone)} ({Phrases.Ago(since, now)})";
        if (groups.Count == 0)
            sections.Add(new ReplySection($"What changed {sinceText}", [new ReplyLine("Nothing changed.")]));
        foreach (var group in groups)
            sections.Add(new ReplySection($"{group.Key.Heading} — changed {sinceText}", group.Select(c => lines.Change(c, now)).ToList()));
        if (changes.More)
            sections[^1] = sections[^1] with { More = $"Only the {MaxChanges} newest changes are listed; /changes shows them all." };

        if (queries.NewestProposal() is { } proposal)
        {
            var terms = queries.Terms(proposal.Current.FactId);
            var termLines = terms.Take(max).Select(t => lines.Line(t.Current, now)).Prepend(lines.Line(proposal.Current, now)).ToList();
            sections.Add(new ReplySection($"Where the {((ProposalData)proposal.Data).Name} ({proposal.Code}) stands", termLines,
                terms.Count > max ? $"… and {terms.Count - max} more terms; /terms lists them all." : null));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var contacts = queries.Contacts(new ContactFilter(Since: today.AddDays(-7)), max);
        sections.Add(new ReplySection("Contacts in the last week",
            contacts.Items.Count == 0 ? [new ReplyLine("None recorded.")] : lines.Lines(contacts.Items, now),
            contacts.More ? "More contacts happened; /contacts since:7d lists them." : null));

        // Only when there are some, so a briefing of a quiet week reads as before.
        var statements = queries.Statements(new StatementFilter(Since: today.AddDays(-7)), max);
        if (statements.Items.Count > 0)
            sections.Add(new ReplySection("Statements in the last week", lines.Lines(statements.Items, now),
                statements.More ? "More statements were made; /statements since:7d lists them." : null));

        var aid = queries.Aid(new AidFilter(), max);
        sections.Add(new ReplySection("Aid",
            aid.Items.Count == 0 ? [new ReplyLine("No aid streams recorded.")] : aid.Items.Select(a => lines.Line(a.Current, now)).ToList(),
            aid.More ? "More aid streams exist; /aid lists them with filters." : null));

        var reply = new Reply(title ?? $"Briefing of {Local(now, zone, withDay: true)}", sections,
            "Every line cites its source; /history <id> shows how a fact changed.");
        return withPicture && Picture(now) is { } png ? reply with { Attachments = [png] } : reply;
    }

    /// <summary>Who spoke to whom over the last <see cref="PictureDays"/> days, or null when nobody did.</summary>
    public ReplyAttachment? Picture(DateTimeOffset now)
    {
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-PictureDays);
        var contacts = queries.Contacts(new ContactFilter(Since: from), 500).Items.Select(c => (ContactData)c.Data).ToList();
        return graph.Attachment(contacts, $"Who spoke to whom, {Phrases.Date(from)} – {Phrases.Date(now)}");
    }

    // Each kind says where its changes go; whatever was withdrawn goes last, under one heading, whatever its kind.
    private static (int Order, string Heading) Group(FactView change) => change.Current switch
    {
        { Action: RevisionAction.Retract } or { Action: RevisionAction.Undo, Retracted: true } => (int.MaxValue, "Retracted"),
        { Code.Kind: var kind } => (kind.BriefingOrder, kind.BriefingHeading),
    };

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone, bool withDay = false)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var format = withDay ? "dddd d MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm";
        var name = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        return $"{local.ToString(format, CultureInfo.InvariantCulture)} {name}";
    }
}
