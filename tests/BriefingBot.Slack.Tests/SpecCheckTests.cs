namespace BriefingBot.Slack.Tests;

/// <summary>The Web API check the fake Slack runs on every call refuses what Slack would ignore or refuse.</summary>
public sealed class SpecCheckTests
{
    private static IReadOnlyList<string> Check(string method, params (string Name, string Value)[] form) =>
        SlackWebSpec.Check(method, form.ToDictionary(f => f.Name, f => f.Value));

    private static string Blocks(int count, int length = 10) =>
        "[" + string.Join(",", Enumerable.Repeat($$$"""{"type":"section","text":{"type":"mrkdwn","text":"{{{new string('x', length)}}}"}}""", count)) + "]";

    [Fact]
    public void A_post_the_spec_allows_passes()
    {
        Assert.Empty(Check("chat.postMessage", ("channel", "C1"), ("text", "Aid"), ("link_names", "false"), ("blocks", Blocks(2))));
        Assert.Empty(Check("apps.connections.open"));
        Assert.Empty(Check("files.getUploadURLExternal", ("filename", "contacts.png"), ("length", "1234"), ("alt_txt", "who spoke to whom")));
        Assert.Empty(Check("files.completeUploadExternal", ("files", """[{"id":"F1","title":"t"}]"""), ("channel_id", "C1")));
    }

    [Fact]
    public void Unknown_missing_and_malformed_arguments_are_refused()
    {
        Assert.NotEmpty(Check("chat.postMessage", ("channel", "C1"), ("text", "x"), ("token", "xoxb-1")));
        Assert.NotEmpty(Check("chat.postMessage", ("text", "x")));
        Assert.NotEmpty(Check("chat.postMessage", ("channel", "C1"), ("link_names", "no")));
        Assert.NotEmpty(Check("chat.postMessage", ("channel", "C1"), ("blocks", "[{")));
        Assert.NotEmpty(Check("chat.postMessage", ("channel", "C1"), ("blocks", Blocks(51))));
        Assert.NotEmpty(Check("chat.postMessage", ("channel", "C1"), ("blocks", Blocks(1, 3001))));
        Assert.NotEmpty(Check("chat.postMessages", ("channel", "C1")));
        Assert.NotEmpty(Check("apps.connections.open", ("ticket", "t")));
        Assert.NotEmpty(Check("files.getUploadURLExternal", ("filename", "a.png"), ("length", "-1")));
        Assert.NotEmpty(Check("files.getUploadURLExternal", ("filename", "a.png"), ("length", "12"), ("alt_text", "x")));
        Assert.NotEmpty(Check("files.completeUploadExternal", ("files", "[]")));
        Assert.NotEmpty(Check("files.completeUploadExternal", ("files", """[{"title":"no id"}]""")));
        Assert.NotEmpty(Check("files.completeUploadExternal", ("channel_id", "C1")));
    }

    [Fact]
    public void The_fake_answers_only_errors_the_spec_documents()
    {
        Assert.True(SlackWebSpec.Describes("chat.postMessage"));
        Assert.False(SlackWebSpec.Describes("files.getUploadURLExternal"));
        Assert.Contains("channel_not_found", SlackWebSpec.Errors("chat.postMessage"));
    }
}
