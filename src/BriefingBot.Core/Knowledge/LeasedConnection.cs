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

    internal bool Returned { get; set; }
    internal bool Closing { get; set; }

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
