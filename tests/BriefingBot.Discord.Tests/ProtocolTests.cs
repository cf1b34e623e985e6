using System.Globalization;
using System.Text;
using System.Text.Json;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Registration;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests;

/// <summary>Discord's own example payloads parse into our models; ids, frames, routes and settings behave as documented.</summary>
public sealed class ProtocolTests
{
    private static byte[] Example(string name) => File.ReadAllBytes(ProtocolFiles.Path("discord-examples", name));

    [Fact]
    public void The_docs_slash_command_interaction_parses()
    {
        var interaction = InteractionReader.Read(Example("interaction-create-slash-command.json"));
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("786008729715212338", interaction.Id.ToString());
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Equal("290926798626357999", interaction.GuildId.ToString());
        Assert.Equal("645027906669510667", interaction.ChannelId.ToString());
        Assert.Equal("53908232506183680", interaction.UserId.ToString());
        Assert.Equal("Mason", interaction.UserName);
        Assert.Equal(2147483647UL, interaction.Permissions);
        Assert.Equal("539082325061836999", Assert.Single(interaction.Roles).ToString());
        Assert.Equal("cardsearch", interaction.CommandName);
        var option = Assert.Single(interaction.Options);
        Assert.Equal(("cardname", "The Gitrog Monster"), (option.Name, option.Value));
        Assert.Equal("en-US", interaction.Locale);
    }

    [Fact]
    public void The_docs_autocomplete_interaction_parses_with_its_focused_option()
    {
        var interaction = InteractionReader.Read(Example("interaction-autocomplete.json"));
        Assert.Equal(InteractionType.Autocomplete, interaction.Type);
        Assert.Equal("airhorn", interaction.CommandName);
        var option = Assert.Single(interaction.Options);
        Assert.True(option.Focused);
        Assert.Equal("data a user is typ", option.Value);
    }

    [Fact]
    public void The_docs_command_examples_parse_into_the_registration_model_and_validate()
    {
        var blep = JsonSerializer.Deserialize<ApplicationCommand>(Example("chat-input-command-with-choices.json"), DiscordRestClient.Json)!;
        Assert.Equal("blep", blep.Name);
        Assert.Equal(["animal_dog", "animal_cat", "animal_penguin"], blep.Options![0].Choices!.Select(c => c.Value));
        Assert.Equal(ApplicationCommandOption.Boolean, blep.Options[1].Type);
        var permissions = JsonSerializer.Deserialize<ApplicationCommand>(Example("chat-input-command-subcommand-groups.json"), DiscordRestClient.Json)!;
        Assert.Equal("permissions", permissions.Name);
        Assert.Equal(2, permissions.Options![0].Type);
        Assert.Equal(1, permissions.Options[0].Options![0].Type);
        foreach (var file in new[] { "chat-input-command-with-choices.json", "chat-input-command-subcommand-groups.json" })
            DiscordSpec.Shared.AssertValid(Encoding.UTF8.GetString(Example(file)), "ApplicationCommandCreateRequest");
    }

    [Fact]
    public void The_docs_message_examples_parse_into_the_message_model()
    {
        var message = JsonSerializer.Deserialize<MessagePayload>(Example("create-message-request.json"), DiscordRestClient.Json)!;
        Assert.Equal("Hello, World!", message.Content);
        Assert.Equal("Hello, Embed!", message.Embeds![0].Title);
        var upload = JsonSerializer.Deserialize<MessagePayload>(Example("create-message-payload_json-with-attachments.json"), DiscordRestClient.Json)!;
        Assert.Equal("attachment://mygif.gif", upload.Embeds![0].Image!.Url);
        Assert.Equal(["myfilename.png", "mygif.gif"], upload.Attachments!.Select(a => a.Filename));
        DiscordSpec.Shared.AssertValid(Encoding.UTF8.GetString(Example("create-message-request.json")), "MessageCreateRequest");
    }

    [Fact]
    public void The_validator_itself_rejects_what_Discord_would()
    {
        var v = DiscordSpec.Shared;
        Assert.NotEmpty(v.Validate("""{"type":4,"data":{"embeds":[{"title":"x","bogus":1}]}}""", "CreateMessageInteractionCallbackRequest"));
        Assert.NotEmpty(v.Validate("""{"type":4,"data":{"embeds":[{"title":"X"}]}}""".Replace("X", new string('x', 257)), "CreateMessageInteractionCallbackRequest"));
        Assert.NotEmpty(v.Validate("""{"data":{}}""", "CreateMessageInteractionCallbackRequest"));
        Assert.NotEmpty(v.Validate("""{"type":"4"}""", "CreateMessageInteractionCallbackRequest"));
        Assert.NotEmpty(v.Validate("""{"type":4,"data":{"embeds":[E]}}""".Replace("E", string.Join(",", Enumerable.Repeat("{}", 11))), "CreateMessageInteractionCallbackRequest"));
        Assert.Empty(v.Validate("""{"type":4,"data":{"embeds":[{"title":"x"}]}}""", "CreateMessageInteractionCallbackRequest"));
        // The problem told is the real one, not that the value is not one of the union's other kinds.
        Assert.Contains(v.Validate("""{"type":4,"data":{"embeds":[{"title":"x","bogus":1}]}}""", "CreateMessageInteractionCallbackRequest"),
            p => p.StartsWith("/data/embeds/0/bogus: unknown property", StringComparison.Ordinal));
        Assert.NotEmpty(v.Validate("""{"name":"x","description":"y","options":[{"type":3,"name":"a","description":"b","bogus":true}]}""", "ApplicationCommandCreateRequest"));
    }

    [Fact]
    public void The_validator_takes_default_member_permissions_as_the_docs_write_it()
    {
        // The preview spec types it as an integer; the docs (which win) and Discord send a string of digits.
        var v = DiscordSpec.Shared;
        Assert.Empty(v.Validate("""{"name":"x","description":"y","default_member_permissions":"32"}""", "ApplicationCommandCreateRequest"));
        Assert.Empty(v.Validate("""{"name":"x","description":"y","default_member_permissions":null}""", "ApplicationCommandCreateRequest"));
        Assert.NotEmpty(v.Validate("""{"name":"x","description":"y","default_member_permissions":"32x"}""", "ApplicationCommandCreateRequest"));
        Assert.NotEmpty(v.Validate("""{"name":"x","description":"y","default_member_permissions":true}""", "ApplicationCommandCreateRequest"));
    }

    [Fact]
    public void A_gateway_frame_is_read_in_any_key_order()
    {
        var frame = """{"t":"INTERACTION_CREATE","s":42,"op":0,"d":{"id":"1"}}"""u8;
        var read = GatewayFrame.Read(frame);
        Assert.Equal((GatewayOp.Dispatch, 42L, GatewayEvent.InteractionCreate), (read.Op, read.Sequence, read.Event));
        Assert.Equal("""{"id":"1"}""", Encoding.UTF8.GetString(read.Data(frame)));
        var hello = GatewayFrame.Read("""{"d":{"heartbeat_interval":45000},"op":10,"s":null,"t":null}"""u8);
        Assert.Equal((GatewayOp.Hello, (long?)null, GatewayEvent.None), (hello.Op, hello.Sequence, hello.Event));
        Assert.Equal(GatewayEvent.Other, GatewayFrame.Read("""{"op":0,"s":1,"t":"GUILD_CREATE","d":{}}"""u8).Event);
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(null)));
        Assert.Equal("""{"op":1,"d":251}""", Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(251)));
    }

    [Fact]
    public void Snowflakes_round_trip_and_tell_their_time()
    {
        Assert.True(Snowflake.TryParse("175928847299117063", out var id));
        Assert.Equal("175928847299117063", id.ToString());
        Assert.Equal(DateTimeOffset.Parse("2016-04-30T11:18:25.796Z", CultureInfo.InvariantCulture), id.CreatedAt);
        Assert.False(Snowflake.TryParse("-1", out _));
        Assert.False(Snowflake.TryParse("12a", out _));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(at, Snowflake.At(at, 7).CreatedAt);
    }

    [Fact]
    public void Routes_keep_the_major_id_but_logs_never_see_tokens()
    {
        var callback = RestRoute.For(HttpMethod.Post, "interactions/123456789012345678/secret-token/callback");
        Assert.Equal("POST /interactions/:id/:token/callback", callback.LogText);
        Assert.DoesNotContain("secret-token", callback.LogText);
        Assert.NotEqual(callback.Key, RestRoute.For(HttpMethod.Post, "interactions/123456789012345679/other/callback").Key);
        Assert.NotEqual(RestRoute.For(HttpMethod.Post, "channels/1/messages").Key, RestRoute.For(HttpMethod.Post, "channels/2/messages").Key);
        Assert.Equal("PATCH /webhooks/:id/:token/messages/@original", RestRoute.For(HttpMethod.Patch, "webhooks/1/tok/messages/@original").LogText);
    }

    [Fact]
    public void Settings_are_checked_with_messages_that_name_the_setting()
    {
        var validator = new DiscordOptionsValidator();
        var empty = validator.Validate(null, new DiscordOptions());
        Assert.Contains("BRIEFINGBOT_Discord__Token", empty.FailureMessage);
        var http = validator.Validate(null, new DiscordOptions { Token = "abc", Mode = DiscordMode.Http, GuildIds = ["nope"], DeferAfter = TimeSpan.FromSeconds(5) });
        Assert.Contains("BRIEFINGBOT_Discord__ApplicationId", http.FailureMessage);
        Assert.Contains("BRIEFINGBOT_Discord__PublicKey", http.FailureMessage);
        Assert.Contains("BRIEFINGBOT_Discord__GuildIds__0", http.FailureMessage);
        Assert.Contains("BRIEFINGBOT_Discord__DeferAfter", http.FailureMessage);
        var secret = validator.Validate(null, new DiscordOptions { Token = "Bot " + FakeDiscord.Token });
        Assert.DoesNotContain(FakeDiscord.Token, secret.FailureMessage);
        Assert.True(validator.Validate(null, new DiscordOptions { Token = FakeDiscord.Token }).Succeeded);
    }

    [Fact]
    public void The_invite_link_asks_for_exactly_the_bot_and_commands_scopes()
    {
        var link = DiscordIdentity.InviteLink(FakeDiscord.ApplicationId);
        Assert.Equal($"https://discord.com/oauth2/authorize?client_id={FakeDiscord.ApplicationId}&scope=bot+applications.commands&permissions=19456", link);
    }

    [Fact]
    public void A_subcommand_interaction_maps_to_the_core_path_and_options()
    {
        var json = Payloads.Command(Payloads.NewId(), "update", $"[{Payloads.Sub("retract", Payloads.Option("id", "T1"), Payloads.Option("reason", "wrong"))}]", permissions: "40");
        var interaction = InteractionReader.Read(Encoding.UTF8.GetBytes(json));
        var mapper = new InvocationMapper(Options.Create(new DiscordOptions()), TimeProvider.System);
        var invocation = mapper.Map(interaction);
        Assert.Equal(["update", "retract"], invocation.Path);
        Assert.Equal("T1", invocation.Options["id"]);
        Assert.Equal("wrong", invocation.Options["reason"]);
        Assert.Equal(BriefingBot.Commands.Role.Moderator, invocation.Caller.Role);
        Assert.Equal("discord", invocation.Caller.Platform);
        Assert.Equal("53908232506183680", invocation.Caller.UserId);
        Assert.Equal("645027906669510667", invocation.ChannelId);
    }
}
