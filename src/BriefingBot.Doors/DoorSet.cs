using Microsoft.Extensions.Hosting;

namespace BriefingBot.Doors;

/// <summary>
/// What the host and the doors tell each other while the host is built: whether doors may connect at all (the
/// long-running mode; one-shot verbs never do), and which doors turned themselves on. It lives in the builder's
/// properties, so the host needs no door's rules: each <c>Add…Door()</c> reads its own settings and says if it is on.
/// </summary>
public sealed class DoorSet
{
    private readonly List<(string Platform, bool Quiet)> _on = [];

    /// <summary>True in the long-running mode, when configured doors connect to their platforms.</summary>
    public bool Connect { get; set; }

    /// <summary>The platforms of the doors that are on, in the order they were added.</summary>
    public IReadOnlyList<string> On => _on.Select(d => d.Platform).ToList();

    /// <summary>True when no door that runs as a service is on, so the program may log only warnings.</summary>
    public bool Quiet => _on.All(d => d.Quiet);

    /// <summary>Called by a door that turned itself on; <paramref name="quiet"/> when it talks to one person, not a platform.</summary>
    public void TurnOn(string platform, bool quiet = false) => _on.Add((platform, quiet));

    /// <summary>The set of this builder, made on first use.</summary>
    public static DoorSet Of(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(DoorSet), out var set)) return (DoorSet)set;
        var made = new DoorSet();
        builder.Properties[typeof(DoorSet)] = made;
        return made;
    }
}
