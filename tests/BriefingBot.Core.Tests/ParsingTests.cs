using BriefingBot.Commands;
using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

public class ParsingTests
{
    [Fact]
    public void Options_are_name_value_pairs_with_quotes_around_spaces()
    {
        Assert.True(CommandTextParser.TryParse("/aid donor:\"United States\" recipient:Ukraine category:military", out var parsed, out _));
        Assert.Equal(["aid"], parsed.Words);
        Assert.Equal("United States", parsed.Options["donor"]);
        Assert.Equal("Ukraine", parsed.Options["recipient"]);
        Assert.True(CommandTextParser.TryParse("/update term text:“Curly quotes work” source:AFP", out parsed, out _));
        Assert.Equal(["update", "term"], parsed.Words);
        Assert.Equal("Curly quotes work", parsed.Options["text"]);
        Assert.True(CommandTextParser.TryParse("/update term text:\"A “partial” truce\" source:AFP", out parsed, out _));
        Assert.Equal("A “partial” truce", parsed.Options["text"]);
        Assert.True(CommandTextParser.TryParse("/search query:“the \"coalition\"”", out parsed, out _));
        Assert.Equal("the \"coalition\"", parsed.Options["query"]);
        Assert.True(CommandTextParser.TryParse("/update aid source_url:https://example.org/a:b source:AFP", out parsed, out _));
        Assert.Equal("https://example.org/a:b", parsed.Options["source_url"]);
    }

    [Theory]
    [InlineData("2025-03-01", 2025, 3, 1)]
    [InlineData("today", 2025, 3, 10)]
    [InlineData("Yesterday", 2025, 3, 9)]
    [InlineData("3 days ago", 2025, 3, 7)]
    [InlineData("2 weeks ago", 2025, 2, 24)]
    [InlineData("7d", 2025, 3, 3)]
    [InlineData("1 month ago", 2025, 2, 10)]
    public void Dates_read_as_people_type_them(string text, int y, int m, int d)
    {
        Assert.True(DateInput.TryParse(text, TestBot.Start, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("2025-13-01")]
    [InlineData("01/03/2025")]
    [InlineData("")]
    public void Things_that_are_not_dates_are_refused(string text) => Assert.False(DateInput.TryParse(text, TestBot.Start, out _));

    [Theory]
    [InlineData("T4", "term", 4)]
    [InlineData("c12", "contact", 12)]
    [InlineData(" A2 ", "aid", 2)]
    [InlineData("P1", "proposal", 1)]
    public void Fact_ids_parse_in_any_case(string text, string kind, int number)
    {
        Assert.True(FactCode.TryParse(text, out var code));
        Assert.Equal(new FactCode(FactKinds.Parse(kind), number), code);
        Assert.Equal($"{text.Trim().ToUpperInvariant()}", code.ToString());
    }

    [Theory]
    [InlineData("T")]
    [InlineData("T-1")]
    [InlineData("T0")]
    [InlineData("Z4")]
    [InlineData("T99999999999")]
    public void Things_that_are_not_fact_ids_are_refused(string text) => Assert.False(FactCode.TryParse(text, out _));

    [Fact]
    public void Weeks_are_stored_as_their_monday_and_said_as_such()
    {
        var week = EventDate.Normalised(new DateOnly(2025, 3, 6), DatePrecision.Week);
        Assert.Equal(new DateOnly(2025, 3, 3), week.Date);
        Assert.Equal("the week of 3 March 2025", week.Describe());
        Assert.Equal("March 2025", EventDate.Normalised(new DateOnly(2025, 3, 6), DatePrecision.Month).Describe());
    }
}
