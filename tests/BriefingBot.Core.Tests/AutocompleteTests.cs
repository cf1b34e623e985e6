using BriefingBot.Commands;
using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

public class AutocompleteTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private IReadOnlyList<string> Suggest(string command, string option, string typed)
    {
        var spec = CommandCatalogue.Find(command.Split(' '))!.Option(option)!;
        Assert.True(spec.Autocomplete || spec.Type == OptionType.Choice);
        return _bot.Get<Autocompleter>().Suggest(spec, typed).Select(s => s.Value).ToList();
    }

    [Fact]
    public void Names_are_suggested_from_any_alias_as_they_are_typed()
    {
        Assert.Equal(["Volodymyr Zelenskyy"], Suggest("contacts", "person", "zel"));
        Assert.Equal(["United Kingdom"], Suggest("aid", "donor", "brit"));
        Assert.Contains("Emmanuel Macron", Suggest("contacts", "person", "mac"));
        Assert.Equal(10, Suggest("contacts", "person", "").Count);
        Assert.Equal(["Macron, Keir Starmer"], Suggest("update contact", "people", "Macron, kei"));
        Assert.Equal(["Franco-British partial truce plan (P1)"],
            _bot.Get<Autocompleter>().Suggest(CommandCatalogue.Find(["terms"])!.Option("proposal")!, "truce").Select(s => s.Name));
    }

    [Fact]
    public void Where_an_update_can_add_people_a_new_name_is_offered_as_plus_name()
    {
        var options = (string command, string option, string typed) =>
            _bot.Get<Autocompleter>().Suggest(CommandCatalogue.Find(command.Split(' '))!.Option(option)!, typed);
        var people = options("update contact", "people", "Macron, Mike Waltz");
        Assert.Equal(("+Mike Waltz (add as a new person)", "Macron, +Mike Waltz"), (people.Single().Name, people.Single().Value));
        var represents = options("update role", "represents", "+Gulf Council");
        Assert.Equal(("+Gulf Council (add as a new organisation)", "+Gulf Council"), (represents.Single().Name, represents.Single().Value));
        // While known names match, only they are offered; answers and updates that cannot add anyone never offer it.
        Assert.Equal(["Macron, Keir Starmer"], options("update contact", "people", "Macron, kei").Select(s => s.Value));
        Assert.DoesNotContain(options("update contact", "people", "Emmanuel Macron"), s => s.Value.Contains('+'));
        Assert.DoesNotContain(options("contacts", "person", "Mike Waltz"), s => s.Value.Contains('+'));
        Assert.DoesNotContain(options("update aid", "donor", "Mike Waltz"), s => s.Value.Contains('+'));
    }

    [Fact]
    public void No_more_than_25_suggestions()
    {
        for (var i = 0; i < 40; i++)
            _bot.Get<ActorDirectory>().Add($"Envoy {i:00}", ActorKind.Person, [], ChangeAuthor.Seed);
        Assert.Equal(25, Suggest("contacts", "person", "envoy").Count);
        Assert.Equal("Envoy 00", Suggest("contacts", "person", "envoy")[0]);
    }
}
