using System.Text.RegularExpressions;
using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>A past briefing's "… lists them" hints ask for the same view, so following one shows what the briefing left out then.</summary>
public sealed partial class PastBriefingHintsTests : IDisposable
{
    // Two lines a list, so every list of the seed and the story below overflows.
    private readonly TestBot _bot = new(maxLines: 2);
    private readonly Commands.Caller _mo = TestBot.Moderator();

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    private void Mod(string command) => Assert.NotEqual(ReplyTone.Error, _bot.Ask(command, _mo).Tone);

    // Three contacts, statements and aid streams in the week to 14 March, entered that day; on the 18th a fourth of each,
    // which a briefing as known on the 14th must not count, nor its hints show.
    private void Story()
    {
        At(14);
        foreach (var day in new[] { 11, 12, 13 })
        {
            Mod($"/update contact kind:call people:\"Macron, Zelensky\" date:2025-03-{day} summary:\"Call {day}\" source:Reuters");
            Mod($"/update statement people:Zelensky date:2025-03-{day} via:\"a post\" text:\"Statement {day}\" source:Reuters");
        }
        Mod("/update aid donor:France recipient:Ukraine category:military status:active since:2025-03-12 source:Reuters");
        Mod("/update aid donor:\"United Kingdom\" recipient:Ukraine category:financial status:pledged since:2025-03-13 source:Reuters");
        At(18);
        Mod("/update contact kind:call people:\"Macron, Zelensky\" date:2025-03-13 summary:\"Call entered later\" source:Reuters");
        At(20);
    }

    [GeneratedRegex(@"(/[a-z]+(?: [a-z_]+:\S+)*) lists them")]
    private static partial Regex Hint();

    private static string Follow(ReplySection section) => Hint().Match(section.More ?? "") is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"No hint in “{section.More}”");

    [Theory]
    [InlineData("as_of:2025-03-14", "as known on 14 March 2025")]
    [InlineData("on:2025-03-14 as_of:2025-03-15", "as things stood on 14 March 2025, as known on 15 March 2025")]
    public void Each_hint_of_a_past_briefing_asks_for_the_same_view(string options, string described)
    {
        Story();
        var briefing = _bot.Ask($"/briefing {options}");
        Assert.Equal($"Briefing {described}", briefing.Title);
        var hints = new Dictionary<string, string>
        {
            ["terms"] = Follow(briefing.Sections.Single(s => s.Heading!.StartsWith("Where the Franco-British", StringComparison.Ordinal))),
            ["contacts"] = Follow(briefing.Sections.Single(s => s.Heading == "Contacts in the last week")),
            ["statements"] = Follow(briefing.Sections.Single(s => s.Heading == "Statements in the last week")),
            ["aid"] = Follow(briefing.Sections.Single(s => s.Heading == "Aid")),
        };
        Assert.Equal("/terms proposal:P1 " + Canonical(options), hints["terms"]);
        Assert.Equal("/contacts since:2025-03-07 " + Canonical(options), hints["contacts"]);
        Assert.Equal("/statements since:2025-03-07 " + Canonical(options), hints["statements"]);
        Assert.Equal("/aid " + Canonical(options), hints["aid"]);
        foreach (var (what, hint) in hints)
        {
            var followed = _bot.Ask(hint);
            Assert.NotEqual(ReplyTone.Error, followed.Tone);
            Assert.EndsWith(described, followed.Title);
            // What was entered after the view's day is not in the list the hint shows, as it was not in the briefing.
            Assert.DoesNotContain("Call entered later", TestBot.Text(followed));
            if (what == "contacts") Assert.Contains("Call 13", TestBot.Text(followed));
        }
    }

    // The order the composer writes: as_of, then on.
    private static string Canonical(string options) =>
        string.Join(' ', options.Split(' ').OrderBy(o => o.StartsWith("on:", StringComparison.Ordinal)));

    [Fact]
    public void The_hints_of_todays_briefing_ask_for_now()
    {
        Story();
        var briefing = _bot.Ask("/briefing since:2025-03-10");
        Assert.Equal("/terms proposal:P1", Follow(briefing.Sections.Single(s => s.Heading!.StartsWith("Where the Franco-British", StringComparison.Ordinal))));
        Assert.Equal("/aid", Follow(briefing.Sections.Single(s => s.Heading == "Aid")));
    }
}
