using BriefingBot.Commands;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>Stands in for one command's handler: it answers only when the test releases it, or throws when told to.</summary>
public sealed class GatedHandler(string path) : ICommandHandler
{
    private readonly TaskCompletionSource<Reply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public void Release(Reply reply) => _reply.TrySetResult(reply);

    public void Fail(Exception e) => _reply.TrySetException(e);

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        await _reply.Task.WaitAsync(cancellationToken);

    /// <summary>Replaces the real handler of <paramref name="handler"/>'s path with it.</summary>
    public static Action<IServiceCollection> Install(GatedHandler handler, Type replaced) => services =>
    {
        services.RemoveAll<ICommandHandler>();
        services.AddBriefingCoreHandlersExcept(replaced);
        services.AddSingleton<ICommandHandler>(handler);
    };
}

internal static class HandlerRegistration
{
    /// <summary>Registers every core handler again except one, which a test replaces.</summary>
    public static void AddBriefingCoreHandlersExcept(this IServiceCollection services, Type except)
    {
        var core = new ServiceCollection().AddBriefingCore();
        foreach (var d in core.Where(d => d.ServiceType == typeof(ICommandHandler) && d.ImplementationType != except))
            services.Add(d);
    }
}
