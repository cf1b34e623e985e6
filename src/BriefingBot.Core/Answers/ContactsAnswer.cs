using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/contacts [person] [with] [since] [kind] [place] [as_of] [on]</c>: who spoke to whom, newest first, now or in a past view.</summary>
public sealed class ContactsAnswer(FactQueries queries, FactLines lines, RepresentedBy represented, Briefing.BriefingComposer briefing,
    Briefing.ContactGraph graph, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "contacts";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var person = request.Actor("person");
        var with = request.Actor("with");
        if (person is null && with is not null) (person, with) = (with, null);
        var since = request.Date("since");
        var kind = request.Choice<ContactKind>("kind");
        var place = request.Text("place");
        // A state or organisation speaks through the people who represent it in the view asked: now, or then in a past view
        // (not when each contact happened: the answer says whose contacts it takes in, so the reader can judge).
        if (SinceRange.View(request, recorded: false, out var refused) is not { } view) return ValueTask.FromResult(refused!);
        var through = represented.Of(person, view);
        var representatives = through.Select(r => r.Id).ToList();
        var filter = new ContactFilter(person?.Id, with?.Id, since, kind, representatives, place);
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var size = options.Value.MaxLines;
        // "Contacts of Ukraine with the United States": the other side speaks through its people too (Rubio at Jeddah).
        var withThrough = represented.Of(with, view);
        var withPeople = withThrough.Select(r => r.Id).ToList();
        var read = withPeople.Count == 0 ? queries.ContactsAt(filter, size * number, view)
            // Now, one walk of both sides' lists; a past view reads each of the other side's people as it was then.
            : view.IsNow ? queries.Contacts(filter with { AlsoWithIds = withPeople }, size * number)
            : NewestOf([with!.Id, .. withPeople], w => queries.ContactsAt(filter with { WithId = w }, size * number, view), size * number);
        var page = Paging.Slice(read.Items, read.More, number, size);
        var including = person is null ? null : represented.Note("contacts of", person, through, view);
        var withIncluding = with is null ? null : represented.Note("contacts with", with, withThrough, view);
        ReplyLine[] notes = [.. new[] { including, withIncluding }.OfType<ReplyLine>()];
        var what = kind is { } k ? Humanizer.InflectorExtensions.Pluralize(Vocabulary.Phrase(k)) : "Contacts";
        var title = what[..1].ToUpperInvariant() + what[1..]
                    + (person is null ? "" : $" of {person.Display}")
                    + (with is null ? "" : $" with {with.Display}")
                    + (since is { } s ? $" since {Phrases.Date(s)}" : "")
                    + (place is null ? "" : $" in {place}")
                    + (view.IsNow ? "" : " " + view.Describe());
        var factLines = lines.Lines(page.Items, request.Now, view);
        if (factLines.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [.. notes, new ReplyLine("None recorded.")])],
                RecordedLater.Hint(request, view) ?? (since is null ? null : "Try an earlier since date.")));
        factLines.InsertRange(0, notes);
        var more = Paging.More(request, page.More, number, page.Items.Count, "most recent", "person:, with:, since: or kind:");
        var reply = new Reply(title, [new ReplySection(null, factLines, more)]);
        // The picture draws what the options select, as the list does (not a fixed fortnight that an older store leaves blank).
        if (request.Flag("graph") == true)
            // A list the filter alone does not select (the other side's people) is drawn from what was read.
            reply = (withPeople.Count > 0
                    ? graph.Attachment(read.Items.Select(c => (ContactData)c.Data).ToList(), $"Who spoke to whom: {title}")
                    : briefing.Picture(filter, $"Who spoke to whom: {title}", view)) is { } png
                ? reply with { Attachments = [png] }
                : reply with { Footer = "Only planned contacts match: nothing held to draw." };
        return ValueTask.FromResult(reply);
    }

    // Several lists (one per actor on the other side), each newest first, merged as the store sorts contacts: by the
    // contact's day, else the day it was recorded, then the newest fact first; a contact in several lists comes once.
    private static Page<FactView> NewestOf(IEnumerable<long> others, Func<long, Page<FactView>> read, int limit)
    {
        var pages = others.Distinct().Select(read).ToList();
        var merged = pages.SelectMany(p => p.Items).DistinctBy(f => f.Current.FactId)
            .OrderByDescending(f => f.Data.Kind.EventDate(f.Data) ?? DateOnly.FromDateTime(f.Current.RecordedAt.UtcDateTime))
            .ThenByDescending(f => f.Current.FactId).ToList();
        return new Page<FactView>(merged.Take(limit).ToList(), merged.Count > limit || pages.Any(p => p.More));
    }
}
