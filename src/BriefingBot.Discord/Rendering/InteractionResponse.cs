using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Rendering;

/// <summary>One autocomplete suggestion; both at most 100 characters.</summary>
public sealed record CommandChoice(string Name, string Value);

/// <summary>The data of an autocomplete answer (callback type 8).</summary>
public sealed record AutocompleteResult(IReadOnlyList<CommandChoice> Choices);

/// <summary>What an interaction is answered with: <c>{"type": N, "data": …}</c>.</summary>
public sealed record InteractionResponse(int Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data = null)
{
    public const int Pong = 1, ChannelMessage = 4, Deferred = 5, AutocompleteResult = 8;

    public static readonly InteractionResponse PongResponse = new(Pong);

    public static InteractionResponse Message(MessagePayload message) => new(ChannelMessage, message);

    public static InteractionResponse Defer(bool ephemeral) =>
        new(Deferred, new MessagePayload { Flags = ephemeral ? MessagePayload.Ephemeral : null, AllowedMentions = null });

    public static InteractionResponse Choices(IReadOnlyList<CommandChoice> choices) => new(AutocompleteResult, new Rendering.AutocompleteResult(choices));
}
