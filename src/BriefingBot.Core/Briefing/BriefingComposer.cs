using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>Writes a briefing: what changed since a moment (terms, contacts, aid, retractions), then what stands now.</summary>
public sealed class BriefingComposer(
    FactQueries queries, FactLines lines, NetChangeLines changeLines, ContactGraph graph, ActorDirectory actors, IOptions<KnowledgeOptions> options,
    DeskZone desk)
{
    public const int MaxChanges = 60;
    public const int PictureDays = 14;

    /// <summary>How many live proposals "what stands" shows, each with its terms.</summary>
    public const int MaxProposals = 10;

    /// <summary>How many of them, the last to move, come with their terms.</summary>
    public const int ProposalsWithTerms = 3;

    /// <param name="zone">The zone its times and days are in: a scheduled briefing's own; the desk's (<see cref="DeskZone"/>) when null.</param>
    /// <param name="pictureSince">The first day the picture draws; the last <see cref="PictureDays"/> days when left out.</param>
    /// <param name="view">A past view (/briefing as_of: or on:): what stands is read as known or as it stood then, and with on:
    /// what changed is what took effect in the world since <paramref name="since"/>.</param>
    public Reply Compose(DateTimeOffset since, DateTimeOffset now, TimeZoneInfo? zone = null, bool withPicture = false, string? title = null,
        DateOnly? pictureSince = null, TimeView? view = null)
    {
        view ??= TimeView.Now;
        // A channel's schedule names its zone; elsewhere the briefing keeps the desk's days and clock.
        var clock = zone is null ? desk : new DeskZone(zone);
        zone = clock.Zone;
        actors.CatchUp();
        // One read transaction for the whole briefing (some ten reads see one moment of the file, and SQLite locks it once),
        // and every revision's times caught up once, not at each lookup.
        using var reading = queries.OneReading();
        var max = options.Value.MaxLines;
        var sections = new List<ReplySection>();

        // Each fact once, netted over the window: what it was before and what it is now. Withdrawals of what stood before
        // lead, so whoever read the claim in an earlier briefing learns first that it no longer holds. With on:, the
        // question is the world's, so the window lists what took effect in it instead.
        if (view.On is null) AddNetChanges(sections, since, now, zone, view);
        else AddChangesInEffect(sections, since, now, zone, view);

        // Every live proposal, the one that moved last first: a briefing must not hide a second negotiation behind the
        // newest. The few that moved last come with their terms; the others take one line each, so a store of a thousand
        // proposals still briefs in a few sections. A past view lists those live then, newest first.
        var proposals = view.IsNow ? queries.ProposalsByMovement(MaxProposals) : ProposalsAt(view);
        foreach (var proposal in proposals.Items.Take(ProposalsWithTerms))
        {
            var terms = queries.TermsAt(proposal.Current.FactId, view);
            var termLines = terms.Take(max).Select(t => lines.Line(t.Current, now)).Prepend(lines.Line(proposal.Current, now)).ToList();
            sections.Add(new ReplySection($"Where the {((ProposalData)proposal.Data).Name} ({proposal.Code}) stands", termLines,
                terms.Count > max ? $"… and {terms.Count - max} more terms; /terms proposal:{proposal.Code}{Again(view)} lists them, page by page." : null));
        }
        if (proposals.Items.Count > ProposalsWithTerms)
            sections.Add(new ReplySection("Other live proposals, the last to move first",
                proposals.Items.Skip(ProposalsWithTerms).Select(p => lines.Line(p.Current, now)).ToList(),
                (proposals.More ? $"Only the {MaxProposals} proposals that moved last are shown. " : "") + $"/terms proposal:<name or id>{Again(view)} shows the terms of any."));

        var today = view.Day ?? clock.DayOf(now);
        var contacts = queries.ContactsAt(new ContactFilter(Since: today.AddDays(-7)), max, view);
        sections.Add(new ReplySection("Contacts in the last week",
            contacts.Items.Count == 0 ? [new ReplyLine("None recorded.")] : lines.Lines(contacts.Items, now, view),
            contacts.More ? $"More contacts happened; /contacts since:{StoredTime.Format(today.AddDays(-7))}{Again(view)} lists them, page by page." : null));

        // Only when there are some, so a briefing of a quiet week reads as before.
        var statements = queries.StatementsAt(new StatementFilter(Since: today.AddDays(-7)), max, view);
        if (statements.Items.Count > 0)
            sections.Add(new ReplySection("Statements in the last week", lines.Lines(statements.Items, now, view),
                statements.More ? $"More statements were made; /statements since:{StoredTime.Format(today.AddDays(-7))}{Again(view)} lists them, page by page." : null));

        var aid = queries.AidAt(new AidFilter(), max, view);
        sections.Add(new ReplySection("Aid",
            aid.Items.Count == 0 ? [new ReplyLine("No aid streams recorded.")] : aid.Items.Select(a => lines.Line(a.Current, now)).ToList(),
            aid.More ? $"More aid streams exist; /aid{Again(view)} lists them, page by page." : null));

        var reply = new Reply(title ?? $"Briefing of {Local(now, zone, withDay: true)}", sections,
            "Every line cites its source; /history <id> shows how a fact changed.");
        return withPicture && Picture(now, pictureSince, clock) is { } png ? reply with { Attachments = [png] } : reply;
    }

    private void AddNetChanges(List<ReplySection> sections, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo zone, TimeView view)
    {
        var changes = queries.NetChanges(since, now, MaxChanges);
        // What the changed statements and contacts are about, named in one statement rather than one per line.
        var named = lines.NamesOf(changes.Items.Select(c => c.After.Data));
        // "(2 days ago)" counts from now; a past view's now is its as-of day, which a reader would misread, so it says none.
        var sinceText = $"since {Local(since, zone)}" + (view.IsNow ? $" ({Phrases.Ago(since, now)})" : "");
        var withdrawn = changes.Items.Where(c => c.WithdrawnAfterReport).OrderByDescending(c => c.After.Id).ToList();
        if (withdrawn.Count > 0)
            sections.Add(new ReplySection($"Withdrawn {sinceText} — these stood before and no longer hold",
                withdrawn.Select(c => changeLines.Line(c, now, named)).ToList()));
        var groups = changes.Items.Where(c => !c.WithdrawnAfterReport).OrderBy(c => c.After.Id).GroupBy(Group).OrderBy(g => g.Key.Order).ToList();
        // Late entries that filed history change nothing that stands, but the desk learnt them: said apart, never as news.
        var filed = queries.FiledHistory(since, now, MaxChanges);
        if (changes.Items.Count == 0)
            sections.Add(new ReplySection($"What changed {sinceText}", [new ReplyLine(filed.Count == 0 ? "Nothing changed." : "Nothing that stands changed.")]));
        foreach (var group in groups)
            sections.Add(new ReplySection($"{group.Key.Heading} {sinceText}", group.Select(c => changeLines.Line(c, now, named)).ToList()));
        if (changes.More)
            sections[^1] = sections[^1] with
            {
                More = $"Only the {MaxChanges} facts changed most recently are listed; /changes since:{StoredTime.Format(desk.DayOf(since))}" +
                       (view.AsOf is { } known ? $" as_of:{StoredTime.Format(known.Last)} " : " ") +
                       "lists every change with who made it, page by page (page:2 and on).",
            };
        if (filed.Count > 0)
            sections.Add(new ReplySection($"History filed {sinceText} — how things stood earlier, recorded late; what stands is as it was",
                filed.Select(f => lines.Change(f, now)).ToList()));
    }

    // With on: the question is the world's, so the window lists what took effect in it, as it is known by the as-of day.
    private void AddChangesInEffect(List<ReplySection> sections, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo zone, TimeView view)
    {
        var changes = queries.ChangesInEffect(desk.DayOf(since), view, MaxChanges);
        var sinceText = $"since {Local(since, zone)}" + (view.IsNow ? $" ({Phrases.Ago(since, now)})" : "");
        // Proposals and terms share a heading: one section for both, as in the record's briefing.
        var groups = changes.Items.Reverse().GroupBy(c => (c.Current.Code.Kind.BriefingOrder, c.Current.Code.Kind.BriefingHeading)).OrderBy(g => g.Key.BriefingOrder).ToList();
        var line = lines.ChangesAt(changes.Items, now, view);
        if (groups.Count == 0)
            sections.Add(new ReplySection($"What took effect {sinceText}", [new ReplyLine("Nothing took effect.")]));
        foreach (var group in groups)
            sections.Add(new ReplySection($"{group.Key.BriefingHeading} — took effect {sinceText}", group.Select(line).ToList()));
        if (changes.More)
            sections[^1] = sections[^1] with { More = $"Only the {MaxChanges} newest are listed; /changes lists every change with who made it." };
    }

    // The options that ask for the same past view, so a hint followed shows what this briefing showed: " as_of:2025-03-14".
    private static string Again(TimeView view) =>
        (view.AsOf is { } asOf ? " as_of:" + Commands.DateInput.Canonical(asOf) : "") + (view.On is { } on ? " on:" + Commands.DateInput.Canonical(on) : "");

    // The proposals live in a past view, newest first, as a page of at most MaxProposals.
    private Page<FactView> ProposalsAt(TimeView view)
    {
        var live = queries.ProposalsAt(MaxProposals + 1, view);
        return new Page<FactView>(live.Take(MaxProposals).ToList(), live.Count > MaxProposals);
    }

    /// <summary>Who spoke to whom from <paramref name="from"/> (the last <see cref="PictureDays"/> days when null) to now, or null when nobody did.</summary>
    /// <param name="clock">Whose days the fortnight is: a scheduled briefing's zone; the desk's when null.</param>
    public ReplyAttachment? Picture(DateTimeOffset now, DateOnly? from = null, DeskZone? clock = null)
    {
        clock ??= desk;
        var first = from ?? clock.DayOf(now).AddDays(-PictureDays);
        return Picture(new ContactFilter(Since: first), $"Who spoke to whom, {Phrases.Date(first)} – {Phrases.Date(now, clock)}");
    }

    /// <summary>The most recent <see cref="PictureContacts"/> contacts a filter selects, drawn under a title, or null when none happened.</summary>
    /// <param name="view">A past view draws the contacts it lists, each as it was then.</param>
    public ReplyAttachment? Picture(ContactFilter filter, string title, TimeView? view = null)
    {
        var page = queries.ContactsAt(filter, PictureContacts, view ?? TimeView.Now);
        var contacts = page.Items.Select(c => (ContactData)c.Data).ToList();
        return graph.Attachment(contacts, page.More ? $"{title} (the {PictureContacts} most recent)" : title);
    }

    /// <summary>How many contacts a picture draws at most: more would be a hairball, and reading them costs time.</summary>
    public const int PictureContacts = 500;

    // Each kind says where its changes go; a claim entered and withdrawn inside the window goes last, under one heading
    // whatever its kind, so it never reads as news.
    private static (int Order, string Heading) Group(NetChange change) => change.EnteredAndWithdrawn
        ? (int.MaxValue, "Entered and retracted")
        : (change.After.Code.Kind.BriefingOrder, change.After.Code.Kind.BriefingHeading + " — changed");

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone, bool withDay = false) => DeskZone.Clock(instant, zone, withDay);
}
