using System.Text;
using BenchmarkDotNet.Attributes;
using BriefingBot.Slack.HttpCommands;

namespace BriefingBot.Benchmarks.Slack;

/// <summary>
/// Slack's signed endpoint pays one v0 check (HMAC-SHA256 over "v0:timestamp:" + body) per request; this is it on a
/// 400-byte slash-command form, with what it allocates.
/// </summary>
[MemoryDiagnoser]
public class SlackSignatureBenchmarks
{
    private SlackSignature _signature = null!;
    private byte[] _body = [];
    private string _timestamp = "";
    private string _header = "";

    [GlobalSetup]
    public void Setup()
    {
        _signature = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5", TimeProvider.System);
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _body = Encoding.UTF8.GetBytes("token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fterms&text=proposal%3AP1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456");
        _header = _signature.Sign(_timestamp, _body);
    }

    [Benchmark] public SignatureCheck Check() => _signature.Check(_timestamp, _header, _body);
}
