using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>The SQLite file that holds the knowledge: opens connections and brings the schema up to date.</summary>
public sealed class KnowledgeDatabase : IDisposable
{
    private const int MaxIdle = 16;
    private readonly string _connectionString;
    private readonly System.Collections.Concurrent.ConcurrentBag<LeasedConnection> _idle = [];
    private readonly DataVersionWatch _watch;
    private bool _disposed;

    /// <param name="revisionCacheSize">How many revisions read are kept for reuse (<see cref="RevisionCache"/>); 0 reads every one from the file.</param>
    public KnowledgeDatabase(string path, int revisionCacheSize = StorageOptions.DefaultRevisionCacheSize)
    {
        Revisions = new RevisionCache(revisionCacheSize);
        FullPath = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _watch = new DataVersionWatch(_connectionString, () =>
        {
            Revisions.Clear();
            Times.Clear();
        });
    }

    public string FullPath { get; }

    /// <summary>Called with each new connection: where the benchmarks' statement timer attaches (see SqlProfile there).</summary>
    internal Action<SqliteConnection>? Opened { get; set; }

    /// <summary>
    /// Revisions already read: a committed revision never changes, so another process's writes cannot make one stale; a
    /// migration run by another process (which may rewrite rows) empties it, seen at the next answer through <see cref="Version"/>.
    /// </summary>
    internal RevisionCache Revisions { get; }

    /// <summary>Every revision's two times, by fact, for picking each fact's version in a past view; emptied with <see cref="Revisions"/>.</summary>
    internal RevisionTimes Times { get; } = new();

    /// <summary>
    /// Grows whenever anything was committed to the file, by this process or another, since it was last read: what an
    /// in-memory view compares before answering, so it never answers from a state someone else has moved past.
    /// </summary>
    public long Version => _watch.Current();

    /// <summary>Creates the file and folder if needed, switches to WAL and applies pending migrations.</summary>
    public int Initialise()
    {
        var folder = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var connection = Open();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            cmd.ExecuteNonQuery();
        }
        var applied = MigrationRunner.Apply(connection);
        // Gives the planner statistics where tables have grown, so filtered lists pick the narrow index.
        using (var optimize = connection.CreateCommand())
        {
            optimize.CommandText = "PRAGMA optimize = 0x10002;";
            optimize.ExecuteNonQuery();
        }
        return applied;
    }

    /// <summary>
    /// Lends an open connection; dispose it to give it back. Inside <see cref="OneMoment"/> it is that moment's connection,
    /// whose reads all see the file as it was at the first.
    /// </summary>
    public LeasedConnection Open() => Moment.Value is { Ended: false } moment && moment.Database == this ? moment.Connection : OpenOutsideMoment();

    /// <summary>
    /// Until disposed, this flow's reads go through one connection in one read transaction: they all see the file as it was at
    /// the first, whoever writes meanwhile, and SQLite takes its file locks once rather than at each statement (two lock and
    /// two unlock system calls each, a tenth of a briefing's time). For an answer of many reads that writes nothing (a
    /// member's question, a briefing); inside one, a moment already begun is kept.
    /// </summary>
    public IDisposable OneMoment()
    {
        if (Moment.Value is { Ended: false } outer && outer.Database == this) return KeptMoment;
        var connection = OpenOutsideMoment();
        try
        {
            // A raw BEGIN: the connection's commands carry no transaction object, so reads inside it keep revisions as any
            // read does (what they read is committed, so it can never be rolled back).
            connection.Statement("BEGIN").ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        connection.Pinned = true;
        var moment = new MomentScope(this, connection, Moment.Value);
        Moment.Value = moment;
        return moment;
    }

    private static readonly AsyncLocal<MomentScope?> Moment = new();

    /// <summary>The scope of <see cref="OneMoment"/>: its connection, and the scope it replaced.</summary>
    private sealed class MomentScope(KnowledgeDatabase database, LeasedConnection connection, MomentScope? previous) : IDisposable
    {
        public KnowledgeDatabase Database { get; } = database;
        public LeasedConnection Connection { get; } = connection;

        // A flow copied from inside the scope (a task it started) must not keep using the connection after it ends.
        public bool Ended { get; private set; }

        public void Dispose()
        {
            if (Ended) return;
            Ended = true;
            Moment.Value = previous;
            Connection.Pinned = false;
            try
            {
                Connection.Statement("COMMIT").ExecuteNonQuery();
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException or ObjectDisposedException)
            {
                // A statement left running, a broken connection, a shutdown: closed, never lent again in the middle of a transaction.
                Connection.Closing = true;
            }
            finally
            {
                Connection.Dispose();
            }
        }
    }

    // A moment asked for inside one already begun: that one goes on, and ends with it.
    private static readonly IDisposable KeptMoment = new NoScope();

    private sealed class NoScope : IDisposable
    {
        public void Dispose()
        {
        }
    }

    /// <summary>
    /// A connection of the pool (or a new one), never a moment's, which sees every commit so far: what writes take, and
    /// what fills the in-memory views every answer shares (the actors, every revision's times, the kept revisions), so that
    /// none of them is ever filled from a moment older than what they already hold or than a migration they were emptied for.
    /// </summary>
    internal LeasedConnection OpenOutsideMoment()
    {
        if (_idle.TryTake(out var idle))
        {
            idle.Returned = false;
            return idle;
        }
        var connection = new LeasedConnection(this, _connectionString);
        connection.Open();
        Opened?.Invoke(connection);
        return connection;
    }

    internal bool Return(LeasedConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdle || connection.State != System.Data.ConnectionState.Open)
        {
            connection.Closing = true;
            return false;
        }
        connection.Returned = true;
        _idle.Add(connection);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _watch.Dispose();
        Revisions.Dispose();
        while (_idle.TryTake(out var connection))
        {
            connection.Closing = true;
            connection.Dispose();
        }
    }

    /// <summary>Runs work in one write transaction, taken immediately so two writers queue instead of failing.</summary>
    public T Write<T>(Func<LeasedConnection, SqliteTransaction, T> work)
    {
        using var connection = OpenOutsideMoment();
        using var tx = connection.BeginTransaction(deferred: false);
        var result = work(connection, tx);
        tx.Commit();
        return result;
    }

    public string? GetSetting(string key)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM settings WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key);
        return cmd.ExecuteScalar() as string;
    }
}
