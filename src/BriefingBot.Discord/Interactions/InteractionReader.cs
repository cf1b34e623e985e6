using System.Text.Json;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Reads an interaction with a forward-only <see cref="Utf8JsonReader"/>: it runs for every gateway frame and every
/// HTTP request, so it copies only the few strings the door needs and skips the rest without building a DOM.
/// </summary>
public static class InteractionReader
{
    public static Interaction Read(ReadOnlySpan<byte> json)
    {
        // Option values are what people typed; a lone surrogate escaped in them must not make the whole interaction unreadable.
        var reader = new Utf8JsonReader(BriefingBot.Commands.InboundJson.Repair(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An interaction must be a JSON object.");
        return Read(ref reader);
    }

    /// <summary>Reads the interaction object the reader stands on (its StartObject) and leaves it on the EndObject.</summary>
    public static Interaction Read(ref Utf8JsonReader reader)
    {
        Snowflake id = default, app = default, guild = default, channel = default, user = default;
        var type = 0;
        string token = "", name = "", userName = "";
        string? locale = null;
        ulong permissions = 0;
        IReadOnlyList<Snowflake> roles = [];
        IReadOnlyList<InteractionOption> options = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) id = ReadId(ref reader);
            else if (reader.ValueTextEquals("application_id"u8)) app = ReadId(ref reader);
            else if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("token"u8)) { reader.Read(); token = reader.GetString() ?? ""; }
            else if (reader.ValueTextEquals("guild_id"u8)) guild = ReadId(ref reader);
            else if (reader.ValueTextEquals("channel_id"u8)) channel = ReadId(ref reader);
            else if (reader.ValueTextEquals("locale"u8)) { reader.Read(); locale = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
            else if (reader.ValueTextEquals("member"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadMember(ref reader, ref user, ref userName, ref permissions, ref roles);
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadUser(ref reader, ref user, ref userName);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadData(ref reader, ref name, ref options);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new Interaction
        {
            Id = id,
            ApplicationId = app,
            Type = (InteractionType)type,
            Token = token,
            GuildId = guild,
            ChannelId = channel,
            UserId = user,
            UserName = userName,
            Permissions = permissions,
            Roles = roles,
            CommandName = name,
            Options = options,
            Locale = locale,
        };
    }

    private static Snowflake ReadId(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String) return default;
        // An id that is not a snowflake reads as none (0), which every check downstream refuses.
        return Snowflake.TryParse(reader.ValueSpan, out var id) ? id : default;
    }

    private static void ReadMember(ref Utf8JsonReader reader, ref Snowflake user, ref string userName, ref ulong permissions, ref IReadOnlyList<Snowflake> roles)
    {
        string? nick = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("user"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadUser(ref reader, ref user, ref userName);
            }
            else if (reader.ValueTextEquals("nick"u8)) { reader.Read(); nick = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
            else if (reader.ValueTextEquals("permissions"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) permissions = Snowflake.ParseBits(reader.ValueSpan);
            }
            else if (reader.ValueTextEquals("roles"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); continue; }
                List<Snowflake>? list = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    if (Snowflake.TryParse(reader.ValueSpan, out var role)) (list ??= new List<Snowflake>(4)).Add(role);
                roles = (IReadOnlyList<Snowflake>?)list ?? [];
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!string.IsNullOrEmpty(nick)) userName = nick;
    }

    private static void ReadUser(ref Utf8JsonReader reader, ref Snowflake user, ref string userName)
    {
        string? username = null, global = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) user = ReadId(ref reader);
            else if (reader.ValueTextEquals("username"u8)) { reader.Read(); username = reader.GetString(); }
            else if (reader.ValueTextEquals("global_name"u8)) { reader.Read(); global = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // A nick set on the member wins later; this is the name outside any server.
        if (userName.Length == 0) userName = global ?? username ?? "";
    }

    private static void ReadData(ref Utf8JsonReader reader, ref string name, ref IReadOnlyList<InteractionOption> options)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = reader.GetString() ?? ""; }
            else if (reader.ValueTextEquals("options"u8)) { reader.Read(); options = ReadOptions(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static IReadOnlyList<InteractionOption> ReadOptions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        List<InteractionOption>? list = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string name = "";
            string? value = null;
            var type = 0;
            var focused = false;
            IReadOnlyList<InteractionOption> nested = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = reader.GetString() ?? ""; }
                else if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
                else if (reader.ValueTextEquals("focused"u8)) { reader.Read(); focused = reader.TokenType == JsonTokenType.True; }
                else if (reader.ValueTextEquals("options"u8)) { reader.Read(); nested = ReadOptions(ref reader); }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    // The core takes every value as text and converts it itself, so numbers keep their exact digits.
                    value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                    // An object or array where a value belongs is skipped whole, or its properties would be read as the option's.
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            (list ??= new List<InteractionOption>(4)).Add(new InteractionOption(name, type, value, focused, nested));
        }
        return (IReadOnlyList<InteractionOption>?)list ?? [];
    }
}
