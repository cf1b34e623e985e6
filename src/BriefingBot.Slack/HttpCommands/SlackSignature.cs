using System.Buffers;
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

    // "v0=" and the lowercase hex of a 32-byte HMAC-SHA256.
    private const int HeaderLength = 3 + 2 * HMACSHA256.HashSizeInBytes;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public SignatureCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.Forged;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > (long)Window.TotalSeconds) return SignatureCheck.Stale;
        // Checked on the stack, without strings: the header's hex decoded to bytes (Slack writes lowercase, so uppercase
        // stays a mismatch as it always was) against the HMAC, compared in constant time.
        if (signature.Length != HeaderLength || !signature.StartsWith("v0=", StringComparison.Ordinal)) return SignatureCheck.Forged;
        var hex = signature.AsSpan(3);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.ContainsAnyInRange('A', 'F') || Convert.FromHexString(hex, given, out _, out var written) != OperationStatus.Done
            || written != given.Length) return SignatureCheck.Forged;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Forged;
    }

    /// <summary>The signature Slack would send for this body at this timestamp.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(timestamp, body, hash);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>; the message is laid out on the stack, or in a pooled array for a large body.</summary>
    private void Hash(string timestamp, ReadOnlySpan<byte> body, Span<byte> hash)
    {
        var length = 4 + Encoding.UTF8.GetByteCount(timestamp) + body.Length;
        byte[]? rented = null;
        var message = length <= 2048 ? stackalloc byte[2048] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            "v0:"u8.CopyTo(message);
            var at = 3 + Encoding.UTF8.GetBytes(timestamp, message[3..]);
            message[at++] = (byte)':';
            body.CopyTo(message[at..]);
            HMACSHA256.HashData(_key, message[..length], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
