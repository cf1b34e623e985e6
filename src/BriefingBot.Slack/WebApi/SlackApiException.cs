namespace BriefingBot.Slack.WebApi;

/// <summary>A Web API call that Slack answered with <c>ok:false</c>, or that failed on the way; names the method and Slack's error code.</summary>
public sealed class SlackApiException(string method, string error, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? "" : " (" + detail + ")")}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;

    /// <summary>Errors after which retrying with the same token can never succeed.</summary>
    public bool IsAuthError => IsRefusedToken || Error is "user_removed_from_team" or "missing_scope" or "not_allowed_token_type";

    /// <summary>
    /// The token itself is refused: no call with it will ever work. (A missing scope refuses one method only, so it is
    /// an auth error but not this.)
    /// </summary>
    public bool IsRefusedToken => Error is "not_authed" or "invalid_auth" or "account_inactive" or "token_revoked" or "token_expired" or "team_disabled";
}
