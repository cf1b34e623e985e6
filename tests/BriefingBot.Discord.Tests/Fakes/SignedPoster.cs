using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>Discord's side of HTTP mode: POSTs interactions to the bot's endpoint, signed with a key of its own as Discord signs them.</summary>
public sealed class SignedPoster : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>What Discord:PublicKey must hold for the bot to accept these requests.</summary>
    public string PublicKey => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    public async Task<(int Status, string Body)> PostAsync(string url, string body)
    {
        const string timestamp = "1700000000";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant());
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }
}
