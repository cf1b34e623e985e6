using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// /sources show on a day: which sources backed a fact as it stood in the world then. A call of 19 March is cited by the
/// White House, the Office of the President is added beside it on the 20th, and on the 22nd the call's summary is
/// corrected from Reuters, in effect from the 21st.
/// </summary>
public sealed class SourcesOnTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    private void Mod(string command) => _bot.ModerateAloud(command, output, _mo);

    private string Ask(string command) => _bot.AskAloud(command, output);

    [Fact]
    public void The_sources_of_a_fact_as_it_stood_on_a_day()
    {
        At(19);
        Mod("/update contact kind:call people:\"Trump, Zelensky\" date:2025-03-19 summary:\"Zelenskyy backs the pause on energy strikes\" source:\"White House\" source_date:2025-03-19");
        At(20);
        Mod("/sources add id:C7 source:\"Office of the President\" source_date:2025-03-19");
        At(22);
        Mod("/update contact id:C7 summary:\"Zelenskyy backs the pause; talks on the Zaporizhzhia plant\" source:Reuters source_date:2025-03-21 effective:2025-03-21");

        Assert.Contains("1 source, overall reported\n1. Reuters, 21 March 2025 — confirms it", Ask("/sources show C7"));
        // On the 20th the call stood as first reported, backed by both readouts (the second added on the 20th, as known now).
        var stood = Ask("/sources show C7 on:2025-03-20");
        Assert.StartsWith("Sources of C7 as things stood on 20 March 2025\n\nC7 Call between Donald Trump and Volodymyr Zelenskyy, Wednesday 19 March 2025: Zelenskyy backs the pause on energy strikes", stood);
        Assert.Contains("2 sources, overall reported\n1. White House, 19 March 2025 — confirms it\n2. Office of the President, 19 March 2025 — confirms it", stood);
        Assert.DoesNotContain("Reuters", stood);
        // As known on the 19th, of the same day: the White House alone.
        var known = Ask("/sources show C7 on:2025-03-20 as_of:2025-03-19");
        Assert.StartsWith("Sources of C7 as things stood on 20 March 2025, as known on 19 March 2025", known);
        Assert.Contains("1 source, overall reported\n1. White House, 19 March 2025 — confirms it", known);
        Assert.Contains("1. Reuters, 21 March 2025", Ask("/sources show C7 on:2025-03-21"));
        Assert.Equal("Nothing about C7 stood on 18 March 2025.", _bot.Ask("/sources show C7 on:2025-03-18").Title);
        Assert.Equal("Nothing about C7 stood on 20 March 2025, as known on 18 March 2025.", _bot.Ask("/sources show C7 on:2025-03-20 as_of:2025-03-18").Title);
    }
}
