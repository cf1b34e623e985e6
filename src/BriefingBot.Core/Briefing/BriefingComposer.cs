using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>Writes a briefing: what changed since a moment, then what stands now.</summary>
public sealed class BriefingComposer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options)
{
    public const int MaxChanges = 40;

    public Reply Compose(DateTimeOffset since, DateTimeOffset now, string? title = null)
    {
        var max = options.Value.MaxLines;
        var sections = new List<ReplySection>();

        var changes = queries.Changes(since, MaxChanges, now);
        var changeLines = changes.Items.Select(c => lines.Change(c, now)).ToList();
        if (changeLines.Count == 0) changeLines.Add(new ReplyLine("Nothing changed."));
        sections.Add(new ReplySection($"What changed since {Phrases.Date(since)} ({Phrases.Ago(since, now)})", changeLines,
            changes.More ? $"Only the {MaxChanges} newest changes are listed; /changes shows them all." : null));

        if (queries.Proposals().LastOrDefault() is { } proposal)
        {
            var terms = queries.Terms(proposal.Current.FactId);
            var termLines = terms.Take(max).Select(t => lines.Line(t.Current, now)).Prepend(lines.Line(proposal.Current, now)).ToList();
            sections.Add(new ReplySection($"Where the {((ProposalData)proposal.Data).Name} ({proposal.Code}) stands", termLines,
                terms.Count > max ? $"… and {terms.Count - max} more terms; /terms lists them all." : null));
        }

        var weekAgo = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-7);
        var contacts = queries.Contacts(new ContactFilter(Since: weekAgo), max);
        sections.Add(new ReplySection("Contacts in the last week",
            contacts.Items.Count == 0 ? [new ReplyLine("None recorded.")] : contacts.Items.Select(c => lines.Line(c.Current, now)).ToList(),
            contacts.More ? "More contacts happened; /contacts since:7d lists them." : null));

        var aid = queries.Aid(new AidFilter(), max);
        sections.Add(new ReplySection("Aid",
            aid.Items.Count == 0 ? [new ReplyLine("No aid streams recorded.")] : aid.Items.Select(a => lines.Line(a.Current, now)).ToList(),
            aid.More ? "More aid streams exist; /aid lists them with filters." : null));

        return new Reply(title ?? $"Briefing of {Phrases.Date(now)}", sections, "Every line cites its source; /history <id> shows how a fact changed.");
    }
}
