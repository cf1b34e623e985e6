using BriefingBot.Answers;
using BriefingBot.Briefing;
using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Updates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>Registers the core: the knowledge store, the command pipeline and every handler.</summary>
public static class CoreServices
{
    /// <summary>The core with its settings bound from configuration and checked at start: storage, knowledge and briefing.</summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BriefingOptions>().Bind(configuration.GetSection(BriefingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddBriefingCore();
    }

    /// <summary>The core alone, for callers that set its options in code (tests, benchmarks).</summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new KnowledgeDatabase(storage.Path, storage.RevisionCacheSize);
        });
        // Built from Knowledge:TimeZone (validated at start-up with the rest of the section).
        services.AddSingleton(sp => DeskZone.Find(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.TimeZone)
            ?? throw new InvalidOperationException("Knowledge:TimeZone is not a time zone; use an IANA name such as Europe/Kyiv, or UTC."));
        services.AddSingleton<ActorDirectory>();
        services.AddSingleton<FactLog>();
        services.AddSingleton<CitedSources>();
        services.AddSingleton<FactQueries>();
        services.AddSingleton<KnowledgeSeeder>();
        services.AddSingleton<KnowledgeTransfer>();
        services.AddSingleton<KnowledgeStartup>();
        services.AddSingleton<FactLines>();
        services.AddSingleton<RepresentedBy>();
        services.AddSingleton<Briefing.NetChangeLines>();
        services.AddSingleton<OptionBinder>();
        services.AddSingleton<Autocompleter>();
        services.AddSingleton<UpdateReplies>();
        services.AddSingleton<BriefingComposer>();
        services.AddSingleton<ContactGraph>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<BriefingLedger>();
        services.AddSingleton<BriefingScheduler>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<CommandRouter>();
        foreach (var handler in new[]
                 {
                     typeof(TermsAnswer), typeof(ContactsAnswer), typeof(AidAnswer), typeof(BriefingAnswer), typeof(SearchAnswer),
                     typeof(ChangesAnswer), typeof(HistoryAnswer), typeof(HelpAnswer), typeof(ProposalUpdate), typeof(TermUpdate),
                     typeof(ContactUpdate), typeof(AidUpdate), typeof(ActorUpdate), typeof(RetractUpdate), typeof(UndoUpdate),
                     typeof(StatementsAnswer), typeof(StatementUpdate),
                     typeof(ScheduleSet), typeof(ScheduleOff), typeof(ScheduleShow), typeof(ScheduleStatus), typeof(SchedulePostNow),
                     typeof(WhoAnswer), typeof(RoleUpdate),
                     typeof(SourcesAnswer), typeof(SourceAdd), typeof(SourceRemove),
                 })
            services.AddSingleton(typeof(ICommandHandler), handler);
        return services;
    }
}
