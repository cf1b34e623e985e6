using System.CommandLine;
using BriefingBot.Commands;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>The command line: chat by default, and the verbs ask, export and import, each with --db.</summary>
public static class Verbs
{
    public static RootCommand Build(TerminalIo? io = null)
    {
        var db = new Option<string?>("--db") { Description = "The SQLite file to use (default: Storage:Path, data/briefingbot.db)", Recursive = true };
        var root = new RootCommand("BriefingBot: a briefing bot for a team that follows a diplomatic situation. With no verb it starts the terminal chat.");
        root.Options.Add(db);
        root.SetAction((result, ct) => RunChat(result.GetValue(db), io, ct));

        var command = new Argument<string>("command") { Description = "The command to answer, as typed in chat: \"/contacts person:Macron\"" };
        var role = new Option<string?>("--as") { Description = "Ask as a member or a moderator (default: Terminal:Role)" };
        role.AcceptOnlyFromAmong("member", "moderator");
        var user = new Option<string?>("--user") { Description = "The name recorded on changes (default: Terminal:User or your login)" };
        var format = new Option<string>("--format") { Description = "text, json, or a door's name (discord, slack) for the exact payload that door sends", DefaultValueFactory = _ => "text" };
        var ask = new Command("ask", "Answer one command on standard output and exit: 0 when answered, 1 when refused or invalid")
            { command, role, user, format };
        ask.SetAction((result, ct) => Ask(result.GetValue(db), result.GetValue(command)!, result.GetValue(role), result.GetValue(user),
            result.GetValue(format)!, io, ct));
        root.Subcommands.Add(ask);

        var commandsFormat = new Option<string>("--format") { Description = "text (usage lines) or a door's name (discord) for the exact registration it sends", DefaultValueFactory = _ => "text" };
        var commands = new Command("commands", "List the command catalogue, or print it as a door registers it with its platform") { commandsFormat };
        commands.SetAction((result, ct) => Commands(result.GetValue(db), result.GetValue(commandsFormat)!, io, ct));
        root.Subcommands.Add(commands);

        var exportFile = new Argument<string?>("file") { Description = "Where to write the JSON (default: standard output)", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Write the whole knowledge, with its history, as JSON") { exportFile };
        export.SetAction((result, ct) => Export(result.GetValue(db), result.GetValue(exportFile), io, ct));
        root.Subcommands.Add(export);

        var since = new Option<string?>("--since") { Description = "What changed since this date (YYYY-MM-DD); the last day if left out" };
        var briefingFormat = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        briefingFormat.AcceptOnlyFromAmong("text", "json");
        var png = new Option<string?>("--png") { Description = "Also write the picture of who spoke to whom to this PNG file" };
        var briefing = new Command("briefing", "Print the briefing: what changed, then what stands now") { since, briefingFormat, png };
        briefing.SetAction((result, ct) => Briefing(result.GetValue(db), result.GetValue(since), result.GetValue(briefingFormat)!, result.GetValue(png), io, ct));
        root.Subcommands.Add(briefing);

        var importFile = new Argument<string>("file") { Description = "A file written by export" };
        var import = new Command("import", "Load an export into a new database; checks everything before writing anything") { importFile };
        import.SetAction((result, ct) => Import(result.GetValue(db), result.GetValue(importFile)!, io, ct));
        root.Subcommands.Add(import);
        return root;
    }

    private static async Task<int> RunChat(string? db, TerminalIo? io, CancellationToken ct)
    {
        using var host = BotHost.Build([], new HostSettings(db, Chat: true) { Io = io });
        try
        {
            // 0 normally; 3 when a platform refused the bot (fix the settings), 1 when a door or another service broke.
            return await BotHost.RunAsync(host, ct);
        }
        catch (OptionsValidationException e)
        {
            // Settings are validated as the host starts; say which to fix instead of showing a stack trace.
            await Console.Error.WriteLineAsync("BriefingBot cannot start: " + string.Join(" ", e.Failures));
            return 2;
        }
    }

    private static async Task<int> Ask(string? db, string text, string? role, string? user, string format, TerminalIo? io, CancellationToken ct)
    {
        io ??= TerminalIo.Console();
        using var host = BotHost.Build([], new HostSettings(db) { Io = io });
        // Each door writes its own format; asking for one no door has is an error before anything is read.
        var formats = host.Services.GetServices<IAnswerFormat>().ToList();
        if (formats.FirstOrDefault(f => f.Name == format) is not { } writer) return await UnknownFormat(format, formats.Select(f => f.Name));
        await host.StartAsync(ct);
        var options = host.Services.GetRequiredService<IOptions<TerminalOptions>>().Value;
        var caller = options.Caller(user, role is null ? null : Enum.Parse<Role>(role, ignoreCase: true));
        var reply = await host.Services.GetRequiredService<CommandRouter>().RouteTextAsync(text, caller, TerminalPublisher.ChannelId, ct);
        await io.Output.WriteAsync(writer.Write(reply));
        await io.Output.FlushAsync(ct);
        await host.StopAsync(ct);
        return reply.Tone == ReplyTone.Error ? 1 : 0;
    }

    private static async Task<int> Briefing(string? db, string? sinceText, string format, string? png, TerminalIo? io, CancellationToken ct)
    {
        io ??= TerminalIo.Console();
        using var host = BotHost.Build([], new HostSettings(db) { Io = io });
        await host.StartAsync(ct);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var desk = host.Services.GetRequiredService<DeskZone>();
        var since = now.AddDays(-1);
        if (sinceText is not null)
        {
            if (!DateInput.TryParse(sinceText, desk.DayOf(now), out var date))
            {
                await Console.Error.WriteLineAsync($"“{sinceText}” is not a date. {DateInput.Hint}");
                return 1;
            }
            since = desk.StartOf(date);
        }
        var composer = host.Services.GetRequiredService<BriefingBot.Briefing.BriefingComposer>();
        // The picture draws the window asked for; without --since, the fortnight the daily briefing draws.
        var reply = composer.Compose(since, now, withPicture: png is not null,
            pictureSince: sinceText is null ? null : desk.DayOf(since));
        if (png is not null)
        {
            if (reply.Attachments is [var picture, ..])
            {
                await File.WriteAllBytesAsync(png, picture.Content, ct);
                await Console.Error.WriteLineAsync($"Wrote the picture of who spoke to whom to {Path.GetFullPath(png)}.");
            }
            else await Console.Error.WriteLineAsync(sinceText is null
                ? $"No contacts in the last {BriefingBot.Briefing.BriefingComposer.PictureDays} days: no picture written."
                : $"No contacts since {Phrases.Date(since, desk)}: no picture written.");
        }
        await io.Output.WriteAsync(format == "json" ? JsonReplyWriter.Write(reply) : host.Services.GetRequiredService<TextRenderer>().Render(reply));
        await io.Output.FlushAsync(ct);
        await host.StopAsync(ct);
        return 0;
    }

    private static async Task<int> Commands(string? db, string format, TerminalIo? io, CancellationToken ct)
    {
        io ??= TerminalIo.Console();
        using var host = BotHost.Build([], new HostSettings(db, Seed: false) { Io = io });
        var formats = host.Services.GetServices<ICommandsFormat>().ToList();
        if (formats.FirstOrDefault(f => f.Name == format) is not { } writer) return await UnknownFormat(format, formats.Select(f => f.Name));
        await io.Output.WriteAsync(writer.Write());
        await io.Output.FlushAsync(ct);
        return 0;
    }

    private static async Task<int> UnknownFormat(string format, IEnumerable<string> known)
    {
        await Console.Error.WriteLineAsync($"There is no format “{format}”; use one of: {string.Join(", ", known)}.");
        return 1;
    }

    private static async Task<int> Export(string? db, string? file, TerminalIo? io, CancellationToken ct)
    {
        io ??= TerminalIo.Console();
        using var host = BotHost.Build([], new HostSettings(db) { Io = io });
        await host.StartAsync(ct);
        var transfer = host.Services.GetRequiredService<KnowledgeTransfer>();
        if (file is null)
        {
            using var buffer = new MemoryStream();
            transfer.WriteExport(buffer);
            await io.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
            await io.Output.FlushAsync(ct);
        }
        else
        {
            var temp = file + ".tmp";
            await using (var stream = File.Create(temp)) transfer.WriteExport(stream);
            File.Move(temp, file, overwrite: true);
            await Console.Error.WriteLineAsync($"Exported the knowledge to {Path.GetFullPath(file)}.");
        }
        await host.StopAsync(ct);
        return 0;
    }

    private static async Task<int> Import(string? db, string file, TerminalIo? io, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"There is no file {file}.");
            return 1;
        }
        using var host = BotHost.Build([], new HostSettings(db, Seed: false) { Io = io });
        await host.StartAsync(ct);
        try
        {
            await using var stream = File.OpenRead(file);
            var count = host.Services.GetRequiredService<KnowledgeTransfer>().Import(stream);
            await Console.Error.WriteLineAsync($"Imported {count} revisions into {host.Services.GetRequiredService<KnowledgeDatabase>().FullPath}.");
            return 0;
        }
        catch (KnowledgeException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }
}
