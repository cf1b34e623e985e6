using System.Text;
using System.Text.Json;
using BriefingBot.Commands;

namespace BriefingBot.Core.Tests;

/// <summary>Platform JSON that escapes a lone surrogate, or is not valid UTF-8, is still readable by the doors.</summary>
public class InboundJsonTests
{
    [Fact]
    public void Json_with_a_lone_surrogate_escape_is_repaired_before_it_is_read()
    {
        var json = """{"a":"x\ud800y","b":"\\ud800","c":"\ud83c\uddfa","d":"\udc00","e":"\u0041"}"""u8;
        using var document = JsonDocument.Parse(InboundJson.Repair(json).ToArray());
        Assert.Equal("x\uFFFDy", document.RootElement.GetProperty("a").GetString());
        Assert.Equal("\\ud800", document.RootElement.GetProperty("b").GetString());
        Assert.Equal("\U0001F1FA", document.RootElement.GetProperty("c").GetString());
        Assert.Equal("\uFFFD", document.RootElement.GetProperty("d").GetString());
        Assert.Equal("A", document.RootElement.GetProperty("e").GetString());

        byte[] invalidUtf8 = [.. "{\"a\":\""u8, 0xED, 0xA0, 0x80, 0xFF, .. "\"}"u8];
        using var repaired = JsonDocument.Parse(InboundJson.Repair(invalidUtf8).ToArray());
        Assert.DoesNotContain(repaired.RootElement.GetProperty("a").GetString()!, c => c != '\uFFFD');
        var wellFormed = """{"a":"plain"}"""u8.ToArray();
        Assert.True(InboundJson.Repair(wellFormed).Overlaps(wellFormed), "well-formed JSON is read in place, without a copy");
        Assert.Equal("\"\\uFFFD\"", Encoding.UTF8.GetString(InboundJson.Repair("\"\\uDBFF\"")));
    }
}
