using BriefingBot.Commands;
using BriefingBot.Knowledge;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Two instances of the core on one file, as the bot and a moderator's <c>ask</c> share a database: what one writes,
/// the other knows before its next answer. Each instance has its own connections and caches, like a process.
/// </summary>
public class SharedStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(TestBot.Start);
    private readonly TestBot _serving;
    private readonly TestBot _script;

    public SharedStoreTests()
    {
        _serving = new TestBot(folder: _folder, time: _time);
        _script = new TestBot(folder: _folder, time: _time);
    }

    public void Dispose()
    {
        _serving.Dispose();
        _script.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_person_added_elsewhere_is_known_to_the_running_bot_at_once()
    {
        // The running bot has answered before, so its directory is warm.
        Assert.Contains("No one called", TestBot.Text(_serving.Ask("/contacts person:Kallas")));

        var added = _script.Ask("/update actor name:\"Kaja Kallas\" kind:person aliases:Kallas", TestBot.Moderator());
        Assert.StartsWith("Added Kaja Kallas", added.Title);
        var logged = _script.Ask(
            "/update contact kind:call people:\"Kaja Kallas, Volodymyr Zelenskyy\" date:2025-03-11 summary:\"EU support\" source:Reuters",
            TestBot.Moderator());
        Assert.StartsWith("Recorded new contact C", logged.Title);

        var contacts = TestBot.Text(_serving.Ask("/contacts person:Kallas"));
        Assert.Contains("Kaja Kallas", contacts);
        Assert.Contains("EU support", contacts);
        Assert.DoesNotContain("actor ", contacts);
        Assert.Contains(_serving.Get<Autocompleter>().Suggest(CommandCatalogue.Find(["contacts"])!.Option("person")!, "Kal"),
            s => s.Name == "Kaja Kallas");
    }

    [Fact]
    public void Adding_a_name_another_instance_already_added_is_a_clear_answer()
    {
        _serving.Ask("/terms");
        _script.Ask("/update actor name:\"Kaja Kallas\" kind:person", TestBot.Moderator());

        var again = _serving.Ask("/update actor name:\"Kaja Kallas\" kind:person", TestBot.Moderator());

        Assert.Equal("'Kaja Kallas' already names Kaja Kallas.", again.Title);
        Assert.DoesNotContain("went wrong", TestBot.Text(again));
        Assert.Equal(1, _serving.Count("SELECT COUNT(*) FROM actors WHERE name = 'Kaja Kallas'"));
    }

    [Fact]
    public void A_name_taken_by_another_instance_between_look_and_write_is_refused_by_name()
    {
        var serving = _serving.Get<ActorDirectory>();
        Assert.Null(serving.Find("Costa"));
        _script.Ask("/update actor name:\"António Costa\" kind:person aliases:Costa", TestBot.Moderator());

        // The serving directory has not caught up (no command ran since), so only the file's unique alias can stop it.
        var refused = Assert.Throws<KnowledgeException>(() =>
            serving.Add("Antonio Costa", ActorKind.Person, ["Costa"], ChangeAuthor.Seed));

        Assert.EndsWith("already names António Costa.", refused.Message);
        Assert.Equal(1, _serving.Count("SELECT COUNT(*) FROM actor_aliases WHERE alias = 'Costa'"));
        Assert.Equal("António Costa", serving.Find("Costa")?.Name);
    }
}
