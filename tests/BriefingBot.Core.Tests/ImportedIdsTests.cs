using System.Text.Json;
using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>A store imported from a file whose ids were set by hand: past views find every fact, however far apart the ids.</summary>
public class ImportedIdsTests
{
    [Fact]
    public void Past_views_of_a_store_imported_with_a_fact_id_far_beyond_the_others_answer_as_the_original_does()
    {
        using var bot = new TestBot();
        bot.Moderate("/update contact kind:call people:\"Emmanuel Macron, Volodymyr Zelenskyy\" date:2025-03-09 summary:\"Truce talks\" source:Reuters");
        var export = bot.Get<KnowledgeTransfer>().Export();
        // The contact just added, renumbered beyond every other fact and beyond what 32 bits hold.
        var contact = export.Facts.MaxBy(f => f.Id)!;
        const long Far = 5_000_000_000;
        var renumbered = export with
        {
            Facts = export.Facts.Select(f => f.Id == contact.Id ? f with { Id = Far } : f).ToList(),
            Revisions = export.Revisions.Select(r => r.FactId == contact.Id ? r with { FactId = Far } : r).ToList(),
        };
        using var copy = new TestBot(seed: false, time: bot.Time);
        using (var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(renumbered, KnowledgeJson.Options)))
            copy.Get<KnowledgeTransfer>().Import(stream);

        Assert.Equal(1, copy.Count($"SELECT COUNT(*) FROM facts WHERE id = {Far}"));
        foreach (var question in new[] { "/contacts on:2025-03-09", "/contacts as_of:2025-03-10", "/briefing on:2025-03-10 since:2025-03-01" })
            Assert.Equal(TestBot.Text(bot.Ask(question)), TestBot.Text(copy.Ask(question)));
        Assert.Contains("Truce talks", TestBot.Text(copy.Ask("/contacts on:2025-03-09")));
    }
}
