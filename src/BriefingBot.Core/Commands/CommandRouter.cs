using System.Diagnostics;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Commands;

/// <summary>
/// The one pipeline every command goes through, whatever door it came from: find the command, check who is asking,
/// bind its options, run its handler, and turn any failure into a polite answer.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly OptionBinder _binder;
    private readonly ActorDirectory _actors;
    private readonly AnswerCache _answers;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandRouter> _logger;
    private readonly DeskZone _desk;
    private readonly FactQueries _queries;

    public CommandRouter(IEnumerable<ICommandHandler> handlers, OptionBinder binder, ActorDirectory actors, AnswerCache answers, TimeProvider time,
        ILogger<CommandRouter> logger, DeskZone desk, FactQueries queries)
    {
        _desk = desk;
        _queries = queries;
        _handlers = handlers.ToDictionary(h => h.Path);
        _binder = binder;
        _actors = actors;
        _answers = answers;
        _time = time;
        _logger = logger;
        var missing = CommandCatalogue.Flatten().Select(p => p.Path).Where(p => !_handlers.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("No handler for: " + string.Join(", ", missing));
    }

    /// <summary>Reads a typed command (<c>/contacts person:Macron</c>) and answers it.</summary>
    public ValueTask<Reply> RouteTextAsync(string text, Caller caller, string channelId, CancellationToken cancellationToken = default)
    {
        // The text doors' edge: cleaned before parsing, because the parser's own errors echo parts of it.
        text = InboundText.MultiLine(text);
        if (!CommandTextParser.TryParse(text, out var parsed, out var error)) return ValueTask.FromResult(Reply.Error(error));
        if (parsed.Words.Count == 0) return ValueTask.FromResult(Reply.Error("Type a command such as /terms, or /help to see them all."));
        var path = new List<string> { parsed.Words[0].TrimStart('/').ToLowerInvariant() };
        var rest = parsed.Words.Skip(1).ToList();
        var top = CommandCatalogue.Commands.FirstOrDefault(c => c.Name == path[0]);
        if (top is { Subcommands.Count: > 0 } && rest.Count > 0)
        {
            path.Add(rest[0].ToLowerInvariant());
            rest.RemoveAt(0);
        }
        var options = new Dictionary<string, string>(parsed.Options);
        if (rest.Count > 0)
        {
            var spec = CommandCatalogue.Find(path);
            if (spec?.Primary is { } primary && !options.ContainsKey(primary))
                options[primary] = string.Join(' ', rest);
            else if (spec is not null)
                return ValueTask.FromResult(Reply.Error(
                    $"I don't know what “{Phrases.Clip(string.Join(' ', rest), 60)}” means here. Name each option, like this: {spec.Usage("/" + string.Join(' ', path[..^1].Append("")))}"));
        }
        return RouteAsync(new Invocation(path, options, caller, channelId, _time.GetUtcNow()), cancellationToken);
    }

    public async ValueTask<Reply> RouteAsync(Invocation invocation, CancellationToken cancellationToken = default)
    {
        // The cache reads the knowledge's version before anything is composed (and before catching up with other
        // processes), so an answer is never kept under a version newer than the one it was composed from.
        if (_answers.TryGet(invocation, _time.GetUtcNow(), out var kept, out var key)) return kept!;
        var reply = await ComposeAsync(invocation, cancellationToken);
        // Refusals and failures are not kept: "something went wrong" must not outlive the fault, and a misspelt name is cheap.
        if (key is not null && reply.Tone != ReplyTone.Error) _answers.Keep(key, reply);
        return reply;
    }

    private async ValueTask<Reply> ComposeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Another process (a moderator's `ask`, a second instance) may have added people since the last command.
            _actors.CatchUp();
            if (Resolve(invocation, out var spec) is { } notFound) return notFound;
            if (spec!.Access == Access.Moderator && invocation.Caller.Role != Role.Moderator) return NotModerator(invocation);
            // A member's question writes nothing: its names and its answer are all read from one moment of the file (one read
            // transaction), whoever writes meanwhile. A moderator's command reads back what it wrote, so it reads as it goes.
            using var moment = spec.Access == Access.Member ? _queries.OneReading() : null;
            var now = _time.GetUtcNow();
            var values = new Dictionary<string, object>();
            // A proposal is named as it was in the view asked (a name it had then), so the dates are read first; and the
            // source's date before them, as a date typed without its year is the one closest to it ("19 March" of a 2025 source).
            foreach (var (name, raw) in invocation.Options.OrderBy(o => spec.Option(o.Key)?.Type == OptionType.Proposal).ThenBy(o => o.Key != "source_date"))
            {
                var option = spec.Option(name);
                if (option is null)
                    return Reply.Error(spec.Options.Count == 0
                        ? $"{invocation.CommandText} takes no options."
                        : $"{invocation.CommandText} has no option “{Phrases.Clip(name, 40)}”. Its options are {Phrases.List(spec.Options.Select(o => o.Name).ToList(), 30)}.");
                if (!_binder.TryBind(option, raw, now, out var value, out var error,
                        new TimeView(values.GetValueOrDefault("as_of") as EventDate, values.GetValueOrDefault("on") as EventDate) { Desk = _desk },
                        (values.GetValueOrDefault("source_date") as EventDate)?.Start))
                    return Reply.Error(error);
                values[name] = value;
            }
            var missing = spec.Options.Where(o => o.Required && !values.ContainsKey(o.Name)).Select(o => o.Name).ToList();
            if (missing.Count > 0)
                return Reply.Error($"{invocation.CommandText} needs {Phrases.List(missing, 10)}. Usage: {Usage(invocation, spec)}");
            var request = new CommandRequest(invocation, spec, values, now, _desk);
            return await _handlers[string.Join(' ', invocation.Path)].HandleAsync(request, cancellationToken);
        }
        catch (KnowledgeException e)
        {
            return Reply.Error(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Command {Command} from {Platform} user {User} failed", invocation.CommandText,
                invocation.Caller.Platform, invocation.Caller.UserId);
            return Fallback.Failed(invocation.CommandText);
        }
        finally
        {
            _logger.LogDebug("{Command} for {Platform}:{User} took {Elapsed:F1} ms", invocation.CommandText,
                invocation.Caller.Platform, invocation.Caller.UserId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static Reply? Resolve(Invocation invocation, out CommandSpec? spec)
    {
        spec = null;
        if (invocation.Path.Count == 0) return Reply.Error("Type a command such as /terms, or /help to see them all.");
        var top = CommandCatalogue.Commands.FirstOrDefault(c => c.Name == invocation.Path[0]);
        if (top is null)
        {
            var close = CommandCatalogue.Commands.MinBy(c => Spelling.Distance(c.Name, invocation.Path[0]))!;
            var hint = Spelling.Distance(close.Name, invocation.Path[0]) <= 2 ? $" Did you mean /{close.Name}?" : "";
            return Reply.Error($"There is no /{Phrases.Clip(invocation.Path[0], 40)} command.{hint} /help lists them all.");
        }
        if (top.Subcommands.Count > 0)
        {
            var subs = Phrases.List(top.Subcommands.Select(s => s.Name).ToList(), 10).Replace(" and ", " or ");
            if (invocation.Path.Count < 2)
                return Reply.Error($"/{top.Name} needs one of {subs}, for example /{top.Name} {top.Subcommands[^1].Name}.");
            spec = top.Subcommands.FirstOrDefault(s => s.Name == invocation.Path[1]);
            return spec is null ? Reply.Error($"/{top.Name} has no “{Phrases.Clip(invocation.Path[1], 40)}”; use {subs}.") : null;
        }
        spec = top;
        return invocation.Path.Count > 1 ? Reply.Error($"/{top.Name} has no subcommands; try {top.Usage("/")}.") : null;
    }

    private static Reply NotModerator(Invocation invocation) => invocation.Caller.ModeratorWithheld is { } why
        ? Reply.Error($"Only moderators can use {invocation.CommandText}; nothing was changed.") with { Sections = [new ReplySection(null, [new ReplyLine(why)])] }
        : Reply.Error($"Only moderators can use {invocation.CommandText}; nothing was changed. Ask a moderator to make this change.");

    private static string Usage(Invocation invocation, CommandSpec spec) =>
        spec.Usage("/" + string.Join(' ', invocation.Path.Take(invocation.Path.Count - 1).Append("")));
}
