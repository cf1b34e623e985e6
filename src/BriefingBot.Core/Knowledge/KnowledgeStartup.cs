using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Knowledge;

/// <summary>Brings the store up before anything answers: schema, actor cache, and the one-time seed.</summary>
public sealed class KnowledgeStartup(
    KnowledgeDatabase database, ActorDirectory actors, KnowledgeSeeder seeder, FactLog log, IOptions<StorageOptions> options,
    ILogger<KnowledgeStartup> logger)
{
    private int _started;

    public void Start(bool seed = true)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        var migrations = database.Initialise();
        if (migrations > 0) logger.LogInformation("Applied {Count} migration(s) to {Path}", migrations, database.FullPath);
        actors.Reload();
        var reprojected = log.ReprojectIfAsked();
        if (reprojected > 0) logger.LogInformation("Rebuilt the projections and search text of {Count} facts", reprojected);
        var worded = log.RememberWordsIfAsked();
        if (worded > 0) logger.LogInformation("Kept the words of {Count} revisions for past searches", worded);
        var respelled = ActorWords.RespellAllOnce(database, actors);
        if (respelled > 0) logger.LogInformation("Wrote the search words of {Count} facts and revisions again, with every name their actors go by", respelled);
        var remembered = PastLists.FillIfAsked(database);
        if (remembered > 0) logger.LogInformation("Listed {Count} revisions of contacts and statements for past views", remembered);
        if (!seed) return;
        var seedPath = options.Value.SeedPath;
        if (string.IsNullOrWhiteSpace(seedPath)) return;
        if (!Path.IsPathRooted(seedPath)) seedPath = Path.Combine(AppContext.BaseDirectory, seedPath);
        var added = seeder.SeedIfNew(seedPath);
        if (added > 0) logger.LogInformation("Seeded {Count} facts from {Folder}", added, seedPath);
        foreach (var actor in seeder.GiveArticlesIfSeeded(seedPath))
            logger.LogInformation("Gave {Name} its article, as the seed names it: lines read {Display}", actor.Name, actor.Display);
    }
}
