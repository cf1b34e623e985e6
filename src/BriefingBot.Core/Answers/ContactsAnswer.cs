using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/contacts [person] [with] [since] [kind] [place]</c>: who spoke to whom, newest first.</summary>
public sealed class ContactsAnswer(FactQueries queries, FactLines lines, Briefing.BriefingComposer briefing, IOptions<KnowledgeOptions> options) : ICommandHandler
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
        // A state or organisation speaks through the people who represent it now (not when the contact happened: the
        // answer says whose contacts it takes in, so the reader can judge).
        var representatives = person is { Kind: not ActorKind.Person } ? queries.RepresentativeIds(person.Id) : [];
        var page = queries.Contacts(new ContactFilter(person?.Id, with?.Id, since, kind, representatives, place), options.Value.MaxLines);
        var including = representatives.Count > 0
            ? new ReplyLine($"Including contacts of people who represent {person!.Display} now: {lines.Names(representatives)}.")
            : null;

        var what = kind is { } k ? Humanizer.InflectorExtensions.Pluralize(Vocabulary.Phrase(k)) : "Contacts";
        var title = what[..1].ToUpperInvariant() + what[1..]
                    + (person is null ? "" : $" of {person.Display}")
                    + (with is null ? "" : $" with {with.Display}")
                    + (since is { } s ? $" since {Phrases.Date(s)}" : "")
                    + (place is null ? "" : $" in {place}");
        var factLines = lines.Lines(page.Items, request.Now);
        if (factLines.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [.. including is null ? [] : new[] { including }, new ReplyLine("None recorded.")])],
                since is null ? null : "Try an earlier since date."));
        if (including is not null) factLines.Insert(0, including);
        var more = page.More ? $"Only the {factLines.Count} most recent are shown; narrow with person:, with:, since: or kind:." : null;
        var reply = new Reply(title, [new ReplySection(null, factLines, more)]);
        if (request.Flag("graph") == true)
            reply = briefing.Picture(request.Now) is { } png
                ? reply with { Attachments = [png] }
                : reply with { Footer = $"No contacts in the last {Briefing.BriefingComposer.PictureDays} days to draw." };
        return ValueTask.FromResult(reply);
    }
}
