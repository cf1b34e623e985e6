using System.Text;
using BriefingBot.Slack.HttpCommands;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>Slack's v0 signature, with the official test vector from the protocol brief.</summary>
public class SignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Valid = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignature At(long unixSeconds) => new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void The_official_test_vector_passes()
    {
        Assert.Equal(Valid, At(1531420618).Sign(Timestamp, Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(SignatureCheck.Valid, At(1531420618).Check(Timestamp, Valid, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_changed_body_or_signature_is_forged()
    {
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, Valid, Encoding.UTF8.GetBytes(Body + "------")));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, Valid.Replace("v0=a2", "v0=a3"), Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, Valid.Replace("v0=", "v1="), Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, "v0=short", Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check("15314x0618", Valid, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(-301, SignatureCheck.Stale)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(86_400, SignatureCheck.Stale)]
    public void The_timestamp_must_be_within_five_minutes_either_way(int clockOffsetSeconds, SignatureCheck expected) =>
        Assert.Equal(expected, At(1531420618 + clockOffsetSeconds).Check(Timestamp, Valid, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null, Valid)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Missing_headers_are_refused(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Missing, At(1531420618).Check(timestamp, signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Only_the_exact_lowercase_header_is_valid()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, "v0=" + Valid[3..].ToUpperInvariant(), body));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, Valid[..^2] + "zz", body));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, Valid + "00", body));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, " " + Valid[1..], body));
    }

    [Fact]
    public void A_body_larger_than_the_stack_buffer_is_checked_alike()
    {
        var body = Encoding.UTF8.GetBytes(Body + "&text=" + new string('x', 5000));
        var signature = At(1531420618).Sign(Timestamp, body);
        Assert.Equal(SignatureCheck.Valid, At(1531420618).Check(Timestamp, signature, body));
        Assert.Equal(SignatureCheck.Forged, At(1531420618).Check(Timestamp, signature, body.AsSpan(0, body.Length - 1)));
    }
}
