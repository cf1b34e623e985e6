using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Slack.HttpCommands;

/// <summary>Why a request was or was not accepted as coming from Slack.</summary>
public enum SignatureCheck { Valid, Missing, Stale, Forged }

/// <summary>
/// Slack's v0 request signature: <c>v0=hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}"))</c>, compared in
/// constant time, with the timestamp within five minutes either way so a captured request cannot be replayed later.
/// </summary>
public sealed class SlackSignature(string signingSecret, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public SignatureCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.Forged;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > (long)Window.TotalSeconds) return SignatureCheck.Stale;
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, body));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Forged;
    }

    /// <summary>The signature Slack would send for this body at this timestamp.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));
    }
}
