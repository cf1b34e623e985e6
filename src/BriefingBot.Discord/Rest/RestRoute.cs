namespace BriefingBot.Discord.Rest;

/// <summary>
/// A request path as the rate limiter and the logs see it. Discord splits limits by route and by the top-level
/// resource (channel, guild, webhook + token, interaction + token), so that stays in the key; ids and tokens are
/// replaced in the text that goes to logs, because interaction and webhook tokens are credentials.
/// </summary>
public readonly record struct RestRoute(string Key, string LogText)
{
    public static RestRoute For(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var template = new string[segments.Length];
        var major = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            var isToken = i >= 2 && (segments[0] is "webhooks" or "interactions") && i == 2;
            template[i] = isToken ? ":token" : s.Length > 0 && s.All(char.IsAsciiDigit) ? ":id" : s;
            if (i == 1 && previous is "channels" or "guilds") major = s;
            if (i == 2 && isToken) major = segments[1] + "/" + s;
        }
        var text = string.Join('/', template);
        return new RestRoute($"{method.Method} {text} {major}", $"{method.Method} /{text}");
    }
}
