using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// Adds a source to a fact, or removes one added by mistake, without changing what the fact says. Each is a new revision
/// with who, when and why, so history shows it, undo takes it back and "as of" reads the sources known then.
/// </summary>
public sealed class CitedSources(KnowledgeDatabase database, FactLog log)
{
    /// <summary>Cites one more source, and sets the fact's overall confidence when <paramref name="confidence"/> is given.</summary>
    public FactView Add(FactCode code, CitedSource source, Confidence? confidence, ChangeAuthor by, string? reason) =>
        database.Write((connection, tx) =>
        {
            var latest = Live(connection, tx, code);
            if (latest.Provenance.Sources.FirstOrDefault(s => Same(s.Source, source.Source)) is { } cited && cited.Stance == source.Stance)
                throw new KnowledgeException($"{code} already cites {Describe(cited.Source)}.");
            // One outlet both confirming and disputing a fact would read as nonsense ("Reuters … disputed by Reuters").
            if (latest.Provenance.Sources.FirstOrDefault(s => SameOutlet(s.Source, source.Source) && s.Stance != source.Stance) is { } other)
                throw new KnowledgeException(
                    $"{code} cites {Describe(other.Source)} as {Stance(other.Stance)} it; remove that first (/sources remove) to cite {other.Source.Outlet.Trim()} as {Stance(source.Stance)} it.");
            var provenance = latest.Provenance with { Confidence = confidence ?? latest.Provenance.Confidence, Also = [.. latest.Provenance.Also, source] };
            return Append(connection, tx, latest, provenance, by, reason);
        });

    /// <summary>Stops citing a source; the fact keeps at least one that confirms it.</summary>
    /// <param name="which">The outlet to remove; its link or date tell apart two sources of one outlet.</param>
    public FactView Remove(FactCode code, SourceRef which, ChangeAuthor by, string? reason) =>
        database.Write((connection, tx) =>
        {
            var latest = Live(connection, tx, code);
            var sources = latest.Provenance.Sources;
            var matches = sources.Where(s => Matches(s.Source, which)).ToList();
            if (matches.Count == 0)
                throw new KnowledgeException($"{code} does not cite {which.Outlet.Trim()}; it cites {string.Join("; ", sources.Select(s => Describe(s.Source)))}.");
            if (matches.Count > 1)
                throw new KnowledgeException(
                    $"{code} cites {which.Outlet.Trim()} {matches.Count} times ({string.Join("; ", matches.Select(s => Describe(s.Source)))}); say which with source_date: or source_url:.");
            var rest = sources.Where(s => s != matches[0]).ToList();
            // The first source must confirm: the first confirming one left moves to the front.
            var first = rest.FirstOrDefault(s => s.Stance == SourceStance.Confirms)
                ?? throw new KnowledgeException(
                    $"{matches[0].Source.Outlet.Trim()} is the only source confirming {code}; add the right source first, or retract {code}.");
            var provenance = Provenance.Of([first, .. rest.Where(s => s != first)], latest.Provenance.Confidence);
            return Append(connection, tx, latest, provenance, by, reason);
        });

    /// <summary>The same source: one outlet (ignoring case), link and date.</summary>
    public static bool Same(SourceRef a, SourceRef b) =>
        SameOutlet(a, b) && (a.Url?.Trim() ?? "") == (b.Url?.Trim() ?? "") && a.Published == b.Published;

    private static bool SameOutlet(SourceRef a, SourceRef b) => string.Equals(a.Outlet.Trim(), b.Outlet.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>"Kremlin readout, 18 March 2025": enough to tell two sources of one outlet apart.</summary>
    public static string Describe(SourceRef source) =>
        source.Outlet.Trim() + (source.Published is { } d ? ", " + d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : "");

    private static string Stance(SourceStance stance) => stance == SourceStance.Confirms ? "confirming" : "disputing";

    // Only what was given narrows the match, so "source:TASS" finds TASS whatever its link or date.
    private static bool Matches(SourceRef cited, SourceRef which) =>
        string.Equals(cited.Outlet.Trim(), which.Outlet.Trim(), StringComparison.OrdinalIgnoreCase)
        && (which.Url is null || (cited.Url ?? "") == which.Url.Trim())
        && (which.Published is null || cited.Published == which.Published);

    private static Revision Live(LeasedConnection connection, SqliteTransaction tx, FactCode code)
    {
        var latest = FactLog.Standing(connection, tx, code)
            ?? throw new KnowledgeException($"There is no {code}. Ids look like P1, T4, C12 or A2; /search finds them.");
        return latest.Retracted
            ? throw new KnowledgeException($"{code} is retracted; only a live fact can gain or lose a source.")
            : FactLog.Resolved(connection, tx, latest);
    }

    private FactView Append(LeasedConnection connection, SqliteTransaction tx, Revision latest, Provenance provenance, ChangeAuthor by, string? reason)
    {
        // Citing differently changes nothing in the world: the fact keeps the day it took effect.
        // The same version cited anew replaces it on every day: a date put right later does not bring the old citation back.
        var id = log.Append(connection, tx, latest.FactId, RevisionAction.Change, retracted: false, latest.Data,
            provenance with { Effective = latest.Provenance.Effective }, by, reason, null, null, corrects: latest.Id);
        return new FactView(RevisionRows.Query(connection, "WHERE r.id = $id", tx, ("$id", id)).Single(), latest);
    }
}
