using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace BriefingBot.Discord.Http;

/// <summary>
/// Checks Discord's Ed25519 signature over timestamp + raw body against the application's public key. Anything
/// missing, malformed or forged is simply false: the endpoint answers 401 and nothing else looks at the request.
/// </summary>
public sealed class SignatureVerifier
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Lazy<PublicKey?> _publicKey;

    // The key is imported on first use: the host builds services before it validates settings.
    public SignatureVerifier(IOptions<DiscordOptions> options) => _publicKey = new(() => Import(options.Value.PublicKey));

    public SignatureVerifier(string publicKeyHex) => _publicKey = new(() => Import(publicKeyHex));

    private static PublicKey? Import(string publicKeyHex)
    {
        if (publicKeyHex.Length != 64) return null;
        try
        {
            return PublicKey.Import(Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        var key = _publicKey.Value;
        if (key is null || string.IsNullOrEmpty(timestamp) || timestamp.Length > 32 || signatureHex is not { Length: 128 }) return false;
        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 64) return false;
        var length = Encoding.UTF8.GetByteCount(timestamp) + body.Length;
        var message = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var at = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message[at..]);
        return Ed25519.Verify(key, message, signature);
    }
}
