using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// An open connection lent by <see cref="KnowledgeDatabase"/>: disposing it gives it back instead of closing it, and it
/// keeps its prepared statements, so a hot query is parsed once per connection rather than on every command.
/// </summary>
public sealed class LeasedConnection : SqliteConnection
{
    private readonly KnowledgeDatabase _owner;
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    internal LeasedConnection(KnowledgeDatabase owner, string connectionString) : base(connectionString) => _owner = owner;

    /// <summary>The revisions this connection's database has read already.</summary>
    internal RevisionCache Revisions => _owner.Revisions;

    /// <summary>A connection outside any moment (<see cref="KnowledgeDatabase.OpenOutsideMoment"/>): this one when it is not a moment's.</summary>
    internal LeasedConnection OutsideMoment() => Pinned ? _owner.OpenOutsideMoment() : this;

    internal bool Returned { get; set; }

    /// <summary>Lent to a moment (<see cref="KnowledgeDatabase.OneMoment"/>): disposing it inside leaves it with the moment.</summary>
    internal bool Pinned { get; set; }
    internal bool Closing { get; set; }

    /// <summary>
    /// The prepared command for <paramref name="sql"/> with each of <paramref name="numbers"/> (a LIMIT or OFFSET parameter, by
    /// its name) written into the text as the number it is, its parameters cleared for this use. SQLite plans a query by the
    /// value bound to its LIMIT, so binding one, even the same value again, made it compile the statement anew at every run:
    /// a third of a past list's time. Each limit asked for is its own prepared statement (a query is asked with a few).
    /// </summary>
    public SqliteCommand Statement(string sql, params ReadOnlySpan<(string Name, long Value)> numbers)
    {
        if (numbers.Length is 0 or > 2) throw new ArgumentOutOfRangeException(nameof(numbers), "One or two numbers: a LIMIT and its OFFSET.");
        var key = (sql, numbers[0].Value, numbers.Length > 1 ? numbers[1].Value : -1);
        if (!_numbered.TryGetValue(key, out var text))
        {
            text = sql;
            foreach (var (name, value) in numbers)
                text = System.Text.RegularExpressions.Regex.Replace(text, System.Text.RegularExpressions.Regex.Escape(name) + @"(?![\w$])",
                    value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_numbered.Count >= 200) _numbered.Clear();
            _numbered[key] = text;
        }
        return Statement(text);
    }

    private readonly Dictionary<(string Sql, long First, long Second), string> _numbered = [];

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared for this use.</summary>
    public SqliteCommand Statement(string sql, SqliteTransaction? transaction = null)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            if (_statements.Count >= 200) Forget();
            command = CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Pinned) return;
        if (disposing && !Closing)
        {
            // Already back in the pool (a second Dispose): leave it open for the next lender.
            if (Returned || _owner.Return(this)) return;
        }
        Forget();
        base.Dispose(disposing);
    }

    private void Forget()
    {
        foreach (var command in _statements.Values) command.Dispose();
        _statements.Clear();
    }
}
