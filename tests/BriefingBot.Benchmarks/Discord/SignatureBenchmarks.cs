using System.Text;
using BenchmarkDotNet.Attributes;
using BriefingBot.Discord.Http;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks.Discord;

/// <summary>
/// The one cost every signed request pays whatever is answered: one Ed25519 verification (NSec, libsodium) of
/// timestamp + a 600-byte interaction, alone and through the door's <see cref="SignatureVerifier"/> (hex and copy
/// included). Its inverse is the most requests a second one core can take.
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private PublicKey _publicKey = null!;
    private SignatureVerifier _verifier = null!;
    private byte[] _message = [];
    private byte[] _body = [];
    private byte[] _signature = [];
    private string _timestamp = "";
    private string _signatureHex = "";

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(Ed25519);
        _publicKey = key.PublicKey;
        _verifier = new SignatureVerifier(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        _timestamp = "1764455000";
        _body = Encoding.UTF8.GetBytes("""{"id":"1312345678901234567","application_id":"1145141919810899501","type":2,"token":"tok-1312345678901234567","version":1,"guild_id":"290926798626357999","channel_id":"645027906669510667","locale":"en-GB","member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason"},"roles":[],"permissions":"1024"},"data":{"id":"771825006014889984","name":"terms","type":1}}""");
        _message = [.. Encoding.UTF8.GetBytes(_timestamp), .. _body];
        _signature = Ed25519.Sign(key, _message);
        _signatureHex = Convert.ToHexString(_signature);
    }

    [Benchmark(Baseline = true)] public bool Ed25519Verify() => Ed25519.Verify(_publicKey, _message, _signature);
    [Benchmark] public bool DoorVerifier() => _verifier.Verify(_timestamp, _body, _signatureHex);
}
