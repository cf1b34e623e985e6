using System.Net;
using System.Text;
using BriefingBot.Discord;
using BriefingBot.Discord.Http;
using BriefingBot.Doors.Http;
using Microsoft.Extensions.Configuration;

namespace BriefingBot.Slack.Tests;

/// <summary>Slack and Discord in HTTP mode on one address: the door kit's one web host serves both routes on one port.</summary>
public sealed class OneWebHostTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    [Fact]
    public async Task Two_doors_in_HTTP_mode_share_one_web_host_and_each_route_keeps_its_own_checks()
    {
        var discord = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "discord-test-token",
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = "1145141919810899501",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:GuildIds:0"] = "290926798626357999",
            ["Discord:HttpListenUrl"] = "http://127.0.0.1:0",
            // Nothing listens here: registration fails quietly; only the endpoint matters.
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
        }).Build();
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:Mode"] = "Http", services => services.AddDiscordDoor(discord));

        var address = Assert.Single(bot.Get<DoorWebHost>().Addresses).TrimEnd('/');
        Assert.Equal(address, bot.HttpBase);

        // Slack's route answers a signed command on the shared port…
        var answered = await HttpModeTests.Post(bot, "command=%2Faid&text=&user_id=UMEM0001&user_name=alice&team_id=T0001&channel_id=C1");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Military aid", await answered.Content.ReadAsStringAsync());

        // …Discord's is there too, checking its own signature and its own body limit…
        using var unsigned = await Http.PostAsync(address + InteractionEndpoint.Path, new StringContent("{\"type\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        // (Expect: 100-continue, so the refusal comes before the client has sent a quarter of a megabyte into a closed socket.)
        using var request = new HttpRequestMessage(HttpMethod.Post, address + InteractionEndpoint.Path)
        {
            Content = new StringContent(new string('a', InteractionEndpoint.MaxBodyBytes + 10), Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var huge = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        // …and nothing else is served.
        using var other = await Http.PostAsync(address + "/anything", new StringContent("x"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
