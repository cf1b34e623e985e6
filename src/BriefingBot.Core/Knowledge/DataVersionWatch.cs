using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// Counts commits to the file by anyone: this process's other connections and every other process. SQLite's
/// <c>PRAGMA data_version</c> changes on a connection whenever another connection has committed, so one connection
/// kept only for asking it sees every write, wherever it came from, for the price of one cheap statement. When a write
/// changed the schema too (a newer build's migration, run by another process), <paramref name="schemaChanged"/> is
/// called: a migration may rewrite stored rows, which what is kept in memory must not outlive.
/// </summary>
internal sealed class DataVersionWatch(string connectionString, Action? schemaChanged = null) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _pragma;
    private SqliteCommand? _schema;
    private long _lastSeen = long.MinValue;
    private long? _lastSchema;
    private long _version;
    private bool _disposed;

    /// <summary>A number that grows whenever anything was committed since the last call; never the same for two states.</summary>
    public long Current()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pragma is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _pragma = _connection.CreateCommand();
                _pragma.CommandText = "PRAGMA data_version";
                _schema = _connection.CreateCommand();
                _schema.CommandText = "PRAGMA schema_version";
            }
            var seen = (long)_pragma.ExecuteScalar()!;
            if (seen != _lastSeen)
            {
                _lastSeen = seen;
                _version++;
                // Only when something was committed: the schema cannot have changed otherwise.
                var schema = (long)_schema!.ExecuteScalar()!;
                if (_lastSchema is { } before && before != schema) schemaChanged?.Invoke();
                _lastSchema = schema;
            }
            return _version;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pragma?.Dispose();
            _schema?.Dispose();
            _connection?.Dispose();
        }
    }
}
