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
    public void No_more_than_25_suggestions()
    {
        for (var i = 0; i < 40; i++)
            _bot.Get<ActorDirectory>().Add($"Envoy {i:00}", ActorKind.Person, [], ChangeAuthor.Seed);
        Assert.Equal(25, Suggest("contacts", "person", "envoy").Count);
        Assert.Equal("Envoy 00", Suggest("contacts", "person", "envoy")[0]);
    }
}
