using System.Globalization;
using System.Text;
using BriefingBot.Commands;

namespace BriefingBot.Fuzzing;

/// <summary>One generated command: its path and options as a structured door (Discord) carries them.</summary>
public sealed record HostileCommand(IReadOnlyList<string> Path, IReadOnlyList<(string Name, string Value)> Options);

/// <summary>
/// Reproducible hostile input for the fuzz tests of every door: real command skeletons from the catalogue with values
/// made of lone surrogates, noncharacters, terminal escape sequences, C0 and C1 controls, bidi overrides, quotes,
/// colons, emoji, combining marks, nulls and very long runs. Shared by the door test projects (linked, not copied),
/// so each door is fuzzed with the same kinds of text.
/// </summary>
public sealed class HostileInput(int seed)
{
    private static readonly string[] Fragments =
    [
        "\uD800", "\uDBFF", "\uDC00", "\uDC00\uD800", "\uFFFE", "\uFFFF", "\uFDD0", "\U0001FFFE", "\U0010FFFF",
        "\u001B[31m", "\u001B[0m", "\u001B[2J\u001B[H", "\u001B]0;pwned\u0007", "\u001B]8;;http://evil.example\u001B\\here\u001B]8;;\u001B\\",
        "\u001BP+q\u001B\\", "\u001B(B", "\u001Bc", "\u001B", "\u009B31m", "\u009D0;x\u009C", "\u0085", "\u0090q\u009C",
        "\0", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\v", "\f", "\u001A", "\u001F", "\u007F", "\u0080", "\u009F",
        "\u202E", "\u202D", "\u202A", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u061C", "\uFEFF", "\u2028", "\u2029",
        "\"", "“", "”", "\\\"", "\\", ":", "::", " : ", "'", "`", "*", "%", "_", "<!channel>", "&amp;", "@everyone", "<@U1>",
        "👍", "🇺🇦", "👩‍👩‍👧", "😀", "e\u0301", "\u0301\u0302\u0303\u0304", "Z\u0336\u0335\u0334a\u0337l", "مرحبا", "שלום", "日本語",
        "' OR 1=1 --", "NEAR(", "\"a\" AND", "%s%n", "{0}", "../../etc/passwd", "\uFFFD", " ", "  ", "/", "#",
    ];

    private static readonly string[] Names = ["Macron", "Zelensky", "Ukraine", "United States", "UK", "Starmer", "France", "Trump", "EU"];

    private readonly Random _random = new(seed);

    /// <summary>A hostile value: a plausible one spiked with fragments, fragments alone, a very long run, or almost nothing.</summary>
    public string Value(OptionSpec? option = null)
    {
        var roll = _random.Next(100);
        if (roll < 40) return Spike(option is null ? Pick(Names) : Plausible(option));
        if (roll < 75) return Mix(1 + _random.Next(5));
        if (roll < 85) return Long();
        if (roll < 92) return option is null ? Pick(Names) : Plausible(option);
        return Pick(["", " ", ":", "\"", "“", "::::", "\"\"", "\\", "\0"]);
    }

    /// <summary>A command from the catalogue (or a hostile name) with a few options, some of them hostile names too.</summary>
    public HostileCommand Command()
    {
        var roll = _random.Next(100);
        if (roll < 8) return new HostileCommand([Spike("terms")], Options(null));
        var top = Pick(CommandCatalogue.Commands);
        var spec = top.Subcommands.Count > 0 ? Pick(top.Subcommands) : top;
        IReadOnlyList<string> path = top.Subcommands.Count > 0
            ? [top.Name, roll < 12 ? Spike(spec.Name) : spec.Name]
            : [top.Name];
        return new HostileCommand(path, Options(spec));
    }

    /// <summary>A command line as typed in the terminal or after a Slack slash command: <c>/name sub option:value …</c>.</summary>
    public string Line()
    {
        var roll = _random.Next(100);
        if (roll < 5) return Mix(1 + _random.Next(8));
        if (roll < 8) return "/" + Long();
        var command = Command();
        var sb = new StringBuilder("/").Append(string.Join(' ', command.Path));
        foreach (var (name, value) in command.Options) sb.Append(' ').Append(name).Append(':').Append(Quote(value));
        if (_random.Next(10) == 0) sb.Append(' ').Append(Mix(2));
        return sb.ToString();
    }

    /// <summary>Why a text a door sends back is unsafe (a control character, a lone surrogate, a bidi override), or null when it is fine.</summary>
    public static string? Unsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"a lone surrogate U+{(int)c:X4} at {i}";
            if (c is '\uFFFE' or '\uFFFF') return $"the noncharacter U+{(int)c:X4} at {i}";
            if (char.IsControl(c) && c != '\n') return $"the control character U+{(int)c:X4} at {i}";
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return $"the bidi control U+{(int)c:X4} at {i}";
        }
        return null;
    }

    /// <summary>
    /// A JSON string literal as a platform may write it: some characters escaped as <c>\uXXXX</c> at random, and every
    /// lone surrogate escaped (UTF-8 cannot carry one), which is how <c>"\ud800"</c> reaches a door.
    /// </summary>
    public string Json(string value)
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair && _random.Next(3) > 0) sb.Append(c).Append(value[++i]);
            else if (pair) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}\\u{(int)value[++i]:X4}");
            else if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c) || _random.Next(8) == 0) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private IReadOnlyList<(string Name, string Value)> Options(CommandSpec? spec)
    {
        var options = new List<(string, string)>();
        var count = _random.Next(spec is null || spec.Options.Count == 0 ? 2 : Math.Min(spec.Options.Count, 5) + 1);
        for (var i = 0; i < count; i++)
        {
            var option = spec is { Options.Count: > 0 } && _random.Next(10) > 0 ? Pick(spec.Options) : null;
            var name = option?.Name ?? Spike(Pick(["name", "person", "x", "source"]));
            if (options.Any(o => o.Item1 == name)) continue;
            options.Add((name, Value(option)));
        }
        return options;
    }

    private string Plausible(OptionSpec option) => option.Type switch
    {
        OptionType.Actor or OptionType.Proposal => Pick(Names.Append("P1").ToArray()),
        OptionType.ActorList => $"{Pick(Names)}, {Pick(Names)}",
        OptionType.Date => Pick(["2025-03-01", "today", "3 days ago", "yesterday", "2025-02-30"]),
        OptionType.Choice => Pick(option.Choices),
        OptionType.FactId => Pick(["T1", "P1", "C1", "A1", "T4", "X9"]),
        OptionType.Boolean => Pick(["true", "false", "yes"]),
        OptionType.TimeZone => Pick(["Europe/Paris", "UTC", "America/New_York"]),
        OptionType.Integer => "3",
        _ => Pick(["A note", "Reuters", "08:00", "weekdays", "partial truce", "https://example.org/a"]),
    };

    /// <summary>Puts one to three fragments anywhere in a value, so hostile text hides inside names that would match.</summary>
    private string Spike(string value)
    {
        var sb = new StringBuilder(value);
        for (var n = 1 + _random.Next(3); n > 0; n--) sb.Insert(_random.Next(sb.Length + 1), Pick(Fragments));
        return sb.ToString();
    }

    private string Mix(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => Pick(Fragments)));

    private string Long()
    {
        var unit = _random.Next(3) == 0 ? Pick(Names) + " " : Pick(Fragments);
        var sb = new StringBuilder();
        var length = _random.Next(200, 6000);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString();
    }

    /// <summary>How a value goes on a typed line: bare, straight-quoted, curly-quoted, or with its quotes left open.</summary>
    private string Quote(string value) => _random.Next(6) switch
    {
        0 or 1 => value,
        2 or 3 => "\"" + value.Replace("\"", "\\\"") + "\"",
        4 => "“" + value + "”",
        _ => "\"" + value,
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
