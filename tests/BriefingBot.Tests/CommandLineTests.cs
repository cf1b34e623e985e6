using System.Text.Json;

namespace BriefingBot.Tests;

/// <summary>The program run as a user runs it: ask, the terminal chat through standard input, export and import.</summary>
public class CommandLineTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Ask_answers_on_standard_output_and_exits_0_on_the_default_database()
    {
        var result = await _bot.Run("ask", "/terms");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Terms of the Franco-British partial truce plan (P1)", result.Out);
        Assert.Contains("T4   Ground combat: Ground combat is excluded from the truce. (proposed)", result.Out);
        Assert.Contains("Reuters, 6 March 2025", result.Out);
        Assert.True(File.Exists(Path.Combine(_bot.Folder, "data", "briefingbot.db")), "created data/briefingbot.db under the current directory");
    }

    [Fact]
    public async Task Ask_prints_a_refused_or_invalid_command_and_exits_1()
    {
        var invalid = await _bot.Run("ask", "/contacts since:soon");
        Assert.Equal(1, invalid.ExitCode);
        Assert.StartsWith("“soon” is not a date I understand for since.", invalid.Out);

        var refused = await _bot.Run("ask", "/update retract id:T1 reason:test", "--as", "member");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("Only moderators can use /update retract", refused.Out);
    }

    [Fact]
    public async Task Ask_changes_knowledge_as_a_moderator_and_records_the_user()
    {
        var db = Path.Combine(_bot.Folder, "team.db");
        var update = await _bot.Run("ask", "/update aid donor:\"United States\" recipient:Ukraine category:military status:resumed source:Reuters",
            "--as", "moderator", "--user", "Alice", "--db", db);
        Assert.Equal(0, update.ExitCode);
        Assert.StartsWith("Updated A1.", update.Out);
        var changes = await _bot.Run("ask", "/changes", "--db", db);
        Assert.Contains("by Alice", changes.Out);
        Assert.False(Directory.Exists(Path.Combine(_bot.Folder, "data")), "--db was used instead of the default");
    }

    [Fact]
    public async Task Ask_with_format_json_prints_the_reply_for_scripts()
    {
        var result = await _bot.Run("ask", "/aid", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("Aid", json.RootElement.GetProperty("title").GetString());
        var line = json.RootElement.GetProperty("sections")[0].GetProperty("lines")[0];
        Assert.Equal("A1", line.GetProperty("provenance").GetProperty("code").GetString());
        Assert.Equal("confirmed", line.GetProperty("provenance").GetProperty("confidence").GetString());
        Assert.Equal("Reuters", line.GetProperty("provenance").GetProperty("source").GetProperty("outlet").GetString());
    }

    [Fact]
    public async Task The_chat_answers_each_line_of_piped_input_and_exits_at_the_end()
    {
        var input = "/terms\n\n/contacts person:Macron with:Trump\n/update term id:T1 text:\"Thirty days.\" source:AFP\n/history T1\n/nonsense\n";
        var result = await _bot.Run(input, environment: null);
        Assert.Equal(0, result.ExitCode);
        var answers = result.Out;
        Assert.Contains("Terms of the Franco-British partial truce plan (P1)", answers);
        Assert.Contains("Contacts of Emmanuel Macron with Donald Trump", answers);
        Assert.Contains("Updated T1.", answers);
        Assert.Contains("History of T1 (current, 2 revisions)", answers);
        Assert.Contains("There is no /nonsense command.", answers);
        Assert.True(answers.IndexOf("Updated T1.", StringComparison.Ordinal) < answers.IndexOf("History of T1", StringComparison.Ordinal));
        Assert.DoesNotContain("> ", answers[..20]);
    }

    [Fact]
    public async Task A_chat_whose_input_cannot_be_read_exits_non_zero_with_one_clear_line()
    {
        if (OperatingSystem.IsWindows()) return; // the shell redirection below is POSIX
        // Standard input opened on a folder: every read fails (EISDIR), as a broken pipe or a vanished terminal would.
        var result = await _bot.RunWithInputFrom(_bot.Folder);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The terminal chat stopped: Is a directory. The program exits with code 1.", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Unhandled exception", result.Err);
    }

    [Fact]
    public async Task Ask_answers_hostile_text_politely_and_never_echoes_escape_sequences()
    {
        var unknown = await _bot.Run("ask", "/\u001B[2J\u001B]0;owned\u0007bo\u202Egus\u0000");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("There is no /bogus command. /help lists them all.\n", unknown.Out);
        var name = await _bot.Run("ask", "/update actor name:\uFFFE kind:person", "--as", "moderator", "--user", "\u001B[31mmallory");
        Assert.DoesNotContain("Something went wrong", name.Out);
        Assert.DoesNotContain("   at ", name.Err);
        var changes = await _bot.Run("ask", "/changes");
        Assert.DoesNotContain('\u001B', changes.Out);
    }

    [Fact]
    public async Task Export_and_import_move_the_whole_knowledge_to_a_new_file()
    {
        await _bot.Run("ask", "/update retract id:C4 reason:\"no such call\"", "--db", "a.db");
        var export = await _bot.Run("export", "knowledge.json", "--db", "a.db");
        Assert.Equal(0, export.ExitCode);
        var import = await _bot.Run("import", "knowledge.json", "--db", "b.db");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Imported 16 revisions", import.Err);
        Assert.Equal((await _bot.Run("ask", "/history C4", "--db", "a.db")).Out, (await _bot.Run("ask", "/history C4", "--db", "b.db")).Out);
        Assert.Equal((await _bot.Run("export", "--db", "a.db")).Out.Split('\n').Where(l => !l.Contains("exportedAt")),
            (await _bot.Run("export", "--db", "b.db")).Out.Split('\n').Where(l => !l.Contains("exportedAt")));

        var again = await _bot.Run("import", "knowledge.json", "--db", "b.db");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds knowledge", again.Err);
        var missing = await _bot.Run("import", "nothing.json", "--db", "c.db");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no file nothing.json.", missing.Err);
    }

    [Fact]
    public async Task A_wrong_setting_stops_start_up_with_a_message_naming_it()
    {
        var result = await _bot.Run(null, new Dictionary<string, string> { ["BRIEFINGBOT_Knowledge__StaleAfterDays"] = "0" }, "ask", "/terms");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Knowledge:StaleAfterDays", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public async Task Settings_come_from_environment_variables_with_the_prefix()
    {
        var result = await _bot.Run(null, new Dictionary<string, string> { ["BRIEFINGBOT_Storage__Path"] = "custom/place.db" }, "ask", "/aid");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_bot.Folder, "custom", "place.db")));
    }
}

/// <summary>The daily briefing from the terminal: the briefing verb, and schedules set and posted from the chat.</summary>
public class BriefingCommandLineTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task The_briefing_verb_prints_what_changed_and_what_stands()
    {
        var result = await _bot.Run("briefing", "--since", "2025-03-01");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Briefing of ", result.Out);
        Assert.Contains("Terms and proposals — changed since 1 March 2025, 00:00 UTC", result.Out);
        Assert.Contains("T4   New term: Ground combat: Ground combat is excluded from the truce. (proposed)", result.Out);
        Assert.Contains("Where the Franco-British partial truce plan (P1) stands", result.Out);
        Assert.Contains("Military aid from the United States to Ukraine: suspended", result.Out);

        var json = await _bot.Run("briefing", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal("Nothing changed.", doc.RootElement.GetProperty("sections")[0].GetProperty("lines")[0].GetProperty("text").GetString());

        var bad = await _bot.Run("briefing", "--since", "someday");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("“someday” is not a date.", bad.Err);
    }

    [Fact]
    public async Task The_briefing_verb_draws_the_window_asked_for_on_a_store_whose_contacts_are_old()
    {
        // The seeded contacts are of February and March 2025, long before the fortnight the daily briefing draws.
        var png = Path.Combine(_bot.Folder, "window.png");
        var result = await _bot.Run("briefing", "--since", "2025-02-01", "--png", png);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Wrote the picture of who spoke to whom to {png}.", result.Err);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public async Task A_moderator_schedules_the_briefing_and_posts_it_now_from_the_chat()
    {
        var input = "/schedule set time:07:30 timezone:Europe/Paris days:weekdays\n/schedule show\n/schedule post-now\n/schedule status\n/schedule off\n/schedule show\n";
        var result = await _bot.Run(input, environment: null);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("This channel gets the briefing at 07:30 on weekdays (Europe/Paris).", result.Out);
        Assert.Contains("Daily briefing: 07:30 on weekdays (Europe/Paris)", result.Out);
        Assert.Contains("Briefing of ", result.Out);
        Assert.Contains("Posted the briefing in this channel.", result.Out);
        Assert.Contains("Last posted: the briefing due ", result.Out);
        Assert.Contains("The daily briefing is off for this channel.", result.Out);
        Assert.Contains("This channel has no daily briefing.", result.Out);
    }

    [Fact]
    public async Task The_contact_picture_is_saved_beside_the_database_and_its_path_said()
    {
        await _bot.Run("ask", "/update contact kind:call people:\"Macron, Trump\" date:today summary:\"Talked about the truce\" source:AFP");
        var result = await _bot.Run("ask", "/contacts graph:true");
        Assert.Equal(0, result.ExitCode);
        var saved = result.Out.Split('\n').Single(l => l.StartsWith("Saved Who spoke to whom", StringComparison.Ordinal));
        var path = saved[(saved.IndexOf(" to /", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith(Path.Combine(_bot.Folder, "data", "attachments", "contacts-"), path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path)[..4]);
    }

    [Fact]
    public async Task A_wrong_schedule_in_settings_stops_start_up_naming_the_setting()
    {
        var result = await _bot.Run(null, new Dictionary<string, string>
        {
            ["BRIEFINGBOT_Briefing__Schedules__0__Platform"] = "discord",
            ["BRIEFINGBOT_Briefing__Schedules__0__Channel"] = "123",
            ["BRIEFINGBOT_Briefing__Schedules__0__Cron"] = "at eight",
            ["BRIEFINGBOT_Briefing__Schedules__0__TimeZone"] = "Europe/Paris",
        }, "ask", "/terms");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Briefing:Schedules:0: “at eight” is not a cron expression", result.Err);
    }
}
