using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>Every command the bot answers, declared once as data; each door derives its registration and help from it.</summary>
public static class CommandCatalogue
{
    public static readonly IReadOnlyList<CommandSpec> Commands =
    [
        new("terms", "The current terms of a proposal, or the terms as known on a date", Access.Member,
        [
            new("proposal", "Which proposal (name or id such as P1); the newest one if left out", OptionType.Proposal),
            new("as_of", "Show what we knew at the end of this day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
            On,
            new("page", "Which page of the list: 2 for the lines after the first page, and so on", OptionType.Integer, MaxLength: 6),
        ]),
        new("contacts", "Who spoke to whom: calls, meetings, summits, letters and statements", Access.Member,
        [
            new("person", "Contacts that involve this person, state or organisation", OptionType.Actor),
            new("with", "…and that also involve this one", OptionType.Actor),
            new("since", "Only contacts on or after this date (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
            new("kind", "Only this kind of contact", OptionType.Choice) { Choices = Vocabulary.AllWords<ContactKind>() },
            new("graph", "true to add a picture of who spoke to whom in the contacts these options select", OptionType.Boolean, MaxLength: 5),
            new("place", "Only contacts held here, such as Jeddah", OptionType.Text, MaxLength: 100),
            AsOf,
            On,
            new("page", "Which page of the list: 2 for the lines after the first page, and so on", OptionType.Integer, MaxLength: 6),
        ]),
        new("who", "Who someone is, or who represents a state or organisation", Access.Member,
        [
            new("name", "A person, state or organisation", OptionType.Actor, Required: true),
            new("as_of", "Show what we knew at the end of this day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
            On,
        ]) { Primary = "name" },
        new("statements", "What people said, announced or denied, newest first", Access.Member,
        [
            new("person", "Statements by this person, state or organisation", OptionType.Actor),
            new("about", "Only statements about a proposal (name or id such as P1) and its terms, or one term (T3)", OptionType.Proposal) { TermsToo = true },
            new("since", "Only statements on or after this date (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
            new("stance", "Only statements with this stance", OptionType.Choice) { Choices = Vocabulary.AllWords<Stance>() },
            AsOf,
            On,
            new("page", "Which page of the list: 2 for the lines after the first page, and so on", OptionType.Integer, MaxLength: 6),
        ]),
        new("aid", "Where aid stands: donor, recipient, category and status", Access.Member,
        [
            new("donor", "Aid given by this state or organisation", OptionType.Actor),
            new("recipient", "Aid received by this state or organisation", OptionType.Actor),
            new("category", "Only this category of aid", OptionType.Choice) { Choices = Vocabulary.AllWords<AidCategory>() },
            AsOf,
            On,
            new("page", "Which page of the list: 2 for the lines after the first page, and so on", OptionType.Integer, MaxLength: 6),
        ]),
        new("briefing", "A briefing now: what changed, then what stands", Access.Member,
        [
            new("since", "What changed since this date (YYYY-MM-DD); the last day if left out", OptionType.Date, MaxLength: 40),
            AsOf,
            On,
        ]),
        new("search", "Search everything the bot knows", Access.Member,
        [
            new("query", "Words to look for", OptionType.Text, MaxLength: 200),
            new("source", "Only facts citing this outlet, such as TASS; without words, every fact citing it, newest first", OptionType.Outlet, MaxLength: 100),
            new("alone", "true: only facts no other outlet confirms (with source)", OptionType.Boolean, MaxLength: 5),
            new("as_of", "What matched, or what an outlet was cited for, as we knew it at the end of this day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
            new("on", "What matched, or what an outlet was cited for, as things stood in the world on this day", OptionType.Date, MaxLength: 40),
            new("page", "Which page of the list: 2 for the lines after the first page, and so on", OptionType.Integer, MaxLength: 6),
        ]) { Primary = "query" },
        new("changes", "What moderators changed, newest first", Access.Member,
        [
            new("since", "Changes recorded after this date (with on: in effect from it); the last 7 days if left out", OptionType.Date, MaxLength: 40),
            new("page", "Which page, newest first: 2 for the changes before the first page's, and so on", OptionType.Integer, MaxLength: 6),
            new("as_of", "The log as it stood at the end of this day (YYYY-MM-DD): no change recorded later", OptionType.Date, MaxLength: 40),
            new("on", "The changes that took effect in the world up to this day, since the since date, whenever recorded", OptionType.Date, MaxLength: 40),
        ]),
        new("history", "Every revision of one fact: who changed it, when and why", Access.Member,
        [
            new("id", "The fact's id, such as T4, C12 or A2", OptionType.FactId, Required: true, MaxLength: 12),
        ]) { Primary = "id" },
        new("help", "What the bot can do and how to ask", Access.Member,
        [
            new("command", "A command to explain in full, such as contacts or update", OptionType.Text, MaxLength: 40),
        ]) { Primary = "command" },
        new("schedule", "The daily briefing of this channel", Access.Member, [])
        {
            Subcommands =
            [
                new("set", "Moderators: post a daily briefing in this channel", Access.Moderator,
                [
                    new("time", "Local time of day, HH:MM; 08:00 if left out", OptionType.Text, MaxLength: 5),
                    new("timezone", "An IANA time zone such as Europe/Paris; Briefing:DefaultTimeZone if left out", OptionType.TimeZone, MaxLength: 64),
                    new("days", "daily, weekdays, weekends or a list such as mon,wed,fri; weekdays if left out", OptionType.Text, MaxLength: 40),
                ]),
                new("off", "Moderators: stop the daily briefing in this channel", Access.Moderator, []),
                new("show", "This channel's briefing schedule", Access.Member, []),
                new("status", "When the last briefing went out here and when the next one will", Access.Member, []),
                new("post-now", "Moderators: post the briefing in this channel now", Access.Moderator, []),
            ],
        },
        new("update", "Moderators: keep the knowledge current", Access.Moderator, [])
        {
            Subcommands =
            [
                new("proposal", "Add a proposal, or change one by its id", Access.Moderator, Cited(
                [
                    new("id", "The proposal to change (P1…); leave out to add a new one", OptionType.FactId, MaxLength: 12),
                    new("name", "The proposal's name", OptionType.Text, MaxLength: 150),
                    new("status", "Where it stands", OptionType.Choice) { Choices = Vocabulary.AllWords<ProposalStatus>() },
                    new("sponsors", "Who backs it, separated by commas", OptionType.ActorList, MaxLength: 500),
                    new("summary", "A sentence or two on what it is", OptionType.Text, MaxLength: 1000),
                ])),
                new("term", "Add a term to a proposal, or change one by its id", Access.Moderator, Cited(
                [
                    new("id", "The term to change (T4…); leave out to add a new one", OptionType.FactId, MaxLength: 12),
                    new("proposal", "The proposal a new term belongs to, or the one to move a term to", OptionType.Proposal),
                    new("topic", "What the term is about, such as Duration", OptionType.Text, MaxLength: 100),
                    new("text", "The term's wording", OptionType.Text, MaxLength: 1000),
                    new("status", "Where it stands", OptionType.Choice) { Choices = Vocabulary.AllWords<TermStatus>() },
                ])),
                new("contact", "Log a contact between actors, or change one by its id", Access.Moderator, Cited(
                [
                    new("id", "The contact to change (C12…); leave out to log a new one", OptionType.FactId, MaxLength: 12),
                    new("kind", "What kind of contact", OptionType.Choice) { Choices = Vocabulary.AllWords<ContactKind>() },
                    new("people", "Who took part, separated by commas; +Name adds someone new", OptionType.ActorList, MaxLength: 500) { NewActors = ActorKind.Person },
                    new("date", "When (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                    new("precision", "How exact the date is", OptionType.Choice) { Choices = Vocabulary.AllWords<DatePrecision>() },
                    new("planned", "true if it has not happened yet", OptionType.Boolean, MaxLength: 5),
                    new("place", "Where", OptionType.Text, MaxLength: 200),
                    new("summary", "What was said or agreed", OptionType.Text, MaxLength: 1000),
                    new("tone", "How it went, in a word or two", OptionType.Text, MaxLength: 100),
                    new("about", "Which proposals or terms it was about: ids such as P2 or \"P1, T14\"; none to clear", OptionType.Text, MaxLength: 200),
                ])),
                new("statement", "Record what people said, announced or denied, or change a statement by its id", Access.Moderator, Cited(
                [
                    new("id", "The statement to change (S3…); leave out to record a new one", OptionType.FactId, MaxLength: 12),
                    new("people", "Who said it, separated by commas; +Name adds someone new", OptionType.ActorList, MaxLength: 500) { NewActors = ActorKind.Person },
                    new("date", "When it was said (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                    new("precision", "How exact the date is", OptionType.Choice) { Choices = Vocabulary.AllWords<DatePrecision>() },
                    new("via", "Where or through what: a press conference, a readout, a post", OptionType.Text, MaxLength: 200),
                    new("text", "What they said: a short quote or summary", OptionType.Text, MaxLength: 1000),
                    new("stance", "Its stance on what it is about; none if it has none", OptionType.Choice) { Choices = [.. Vocabulary.AllWords<Stance>(), "none"] },
                    new("about", "Which proposals or terms it is about: ids such as P2 or \"P1, T14\"; none to clear", OptionType.Text, MaxLength: 200),
                ])),
                new("aid", "Set where an aid stream stands (found by donor, recipient and category, or by id)", Access.Moderator, Cited(
                [
                    new("id", "The aid stream to change (A2…)", OptionType.FactId, MaxLength: 12),
                    new("donor", "Who gives it", OptionType.Actor),
                    new("recipient", "Who receives it", OptionType.Actor),
                    new("category", "What it is", OptionType.Choice) { Choices = Vocabulary.AllWords<AidCategory>() },
                    new("status", "Where it stands now", OptionType.Choice) { Choices = Vocabulary.AllWords<AidStatus>() },
                    new("since", "Since when (YYYY-MM-DD); the source's date if left out", OptionType.Date, MaxLength: 40),
                    new("amount", "How much, as the source puts it", OptionType.Text, MaxLength: 100),
                    new("note", "Anything worth knowing", OptionType.Text, MaxLength: 500),
                ])),
                new("role", "Record whom a person or organisation represents and as what, or change that role", Access.Moderator, Cited(
                [
                    new("id", "The role to change (R3…); or name the person and what they represent", OptionType.FactId, MaxLength: 12),
                    new("person", "Who holds it: a person, or an organisation speaking for a state; +Name adds someone new", OptionType.Actor) { NewActors = ActorKind.Person },
                    new("represents", "The state or organisation; +Name adds a new organisation, +Name (state) a state", OptionType.Actor) { NewActors = ActorKind.Organisation },
                    new("role", "As what, such as Secretary of State", OptionType.Text, MaxLength: 100),
                    new("since", "Since when (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                    new("until", "When it ended (YYYY-MM-DD), if it has", OptionType.Date, MaxLength: 40),
                ])),
                new("actor", "Add a person, state or organisation that facts can name", Access.Moderator,
                [
                    new("name", "The full name", OptionType.Text, Required: true, MaxLength: 100),
                    new("kind", "What it is", OptionType.Choice, Required: true) { Choices = Vocabulary.AllWords<ActorKind>() },
                    new("aliases", "Other names people use, separated by commas", OptionType.Text, MaxLength: 500),
                    new("places", "Aliases that are places, such as a capital; search leaves them out", OptionType.Text, MaxLength: 300),
                ]),
                new("retract", "Retract a wrong fact; it stays in the history", Access.Moderator,
                [
                    new("id", "The fact to retract, such as T4", OptionType.FactId, Required: true, MaxLength: 12),
                    new("reason", "Why it is wrong", OptionType.Text, Required: true, MaxLength: 300),
                ]),
                new("undo", "Take back your own last change", Access.Moderator, []),
            ],
        },
        new("sources", "Every source a fact cites; moderators add one or remove one added by mistake", Access.Member, [])
        {
            Subcommands =
            [
                new("show", "Every source of one fact, with its link, date and whether it confirms or disputes it", Access.Member,
                [
                    new("id", "The fact, such as C7", OptionType.FactId, Required: true, MaxLength: 12),
                    new("as_of", "The sources we knew at the end of this day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                    new("on", "The sources of the fact as it stood in the world that day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                ]) { Primary = "id" },
                new("add", "Moderators: cite one more source for a fact without changing what it says", Access.Moderator,
                [
                    new("id", "The fact, such as C7", OptionType.FactId, Required: true, MaxLength: 12),
                    new("source", "The outlet, such as Kremlin readout", OptionType.Text, Required: true, MaxLength: 100),
                    new("stance", "confirms (if left out) or disputes the fact", OptionType.Choice) { Choices = Vocabulary.AllWords<SourceStance>() },
                    new("source_url", "A link to it", OptionType.Text, MaxLength: 500),
                    new("source_date", "When it was published (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
                    new("confidence", "How sure we are of the fact now; unchanged if left out", OptionType.Choice) { Choices = Vocabulary.AllWords<Confidence>() },
                    new("reason", "Why you are making this change", OptionType.Text, MaxLength: 300),
                ]),
                new("remove", "Moderators: stop citing a source added by mistake", Access.Moderator,
                [
                    new("id", "The fact, such as C7", OptionType.FactId, Required: true, MaxLength: 12),
                    new("source", "The outlet to remove, such as TASS", OptionType.Text, Required: true, MaxLength: 100),
                    new("source_url", "Its link, if the fact cites that outlet twice", OptionType.Text, MaxLength: 500),
                    new("source_date", "Its date, if the fact cites that outlet twice", OptionType.Date, MaxLength: 40),
                    new("reason", "Why it was wrong", OptionType.Text, MaxLength: 300),
                ]),
            ],
        },
    ];

    private static readonly Dictionary<string, CommandSpec> ByPath = Flatten().ToDictionary(p => p.Path, p => p.Spec);

    /// <summary>
    /// Members' reads whose answer depends only on the knowledge, the options, the asker's role and the day, so it is
    /// composed once per version of the knowledge (<see cref="AnswerCache"/>). Never a moderator's update, never an
    /// answer of one channel (/briefing previews the channel's schedule, /schedule), never one that counts hours
    /// (/changes says "3 hours ago").
    /// </summary>
    public static readonly IReadOnlySet<string> Cached = new HashSet<string>(StringComparer.Ordinal)
    {
        "terms", "contacts", "who", "statements", "aid", "search", "history", "help", "sources show",
    };

    /// <summary>The spec for a command path such as <c>terms</c> or <c>update term</c>.</summary>
    public static CommandSpec? Find(IEnumerable<string> path) => ByPath.GetValueOrDefault(string.Join(' ', path));

    public static IEnumerable<(string Path, CommandSpec Spec)> Flatten()
    {
        foreach (var command in Commands)
        {
            if (command.Subcommands.Count == 0) yield return (command.Name, command);
            foreach (var sub in command.Subcommands) yield return ($"{command.Name} {sub.Name}", sub);
        }
    }

    /// <summary>The options every fact-stating update takes: where it comes from and how sure we are.</summary>
    private static IReadOnlyList<OptionSpec> Cited(IReadOnlyList<OptionSpec> options) =>
    [
        new("source", "The outlet it comes from, such as Reuters", OptionType.Text, Required: true, MaxLength: 100),
        .. options,
        new("source_url", "A link to the report", OptionType.Text, MaxLength: 500),
        new("source_date", "When the source published it (YYYY-MM-DD)", OptionType.Date, MaxLength: 40),
        new("confidence", "How sure we are; reported if left out", OptionType.Choice) { Choices = Vocabulary.AllWords<Confidence>() },
        new("reason", "Why you are making this change", OptionType.Text, MaxLength: 300),
        new("effective", "When it took effect in the world; its own date, else the source's, if left out", OptionType.Date, MaxLength: 40),
    ];

    // The two questions about the past: what we knew then (transaction time), and what held then (valid time).
    private static OptionSpec AsOf => new("as_of", "Show what we knew at the end of this day (YYYY-MM-DD)", OptionType.Date, MaxLength: 40);

    private static OptionSpec On => new("on", "Show how things stood in the world on this day, as we know it now (or as_of)", OptionType.Date, MaxLength: 40);
}
