using System.Net;

namespace BriefingBot.Discord.Rest;

/// <summary>Discord refused a request; <see cref="Code"/> is Discord's JSON error code (10062 unknown interaction, …).</summary>
public sealed class DiscordRestException(HttpStatusCode status, int code, string message)
    : Exception($"Discord answered {(int)status}: {message}{(code != 0 ? $" (code {code})" : "")}")
{
    public HttpStatusCode Status { get; } = status;
    public int Code { get; } = code;
}
