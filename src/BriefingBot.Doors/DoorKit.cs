using BriefingBot.Doors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Doors;

/// <summary>Registers what every door shares: the one stop policy and the one web host. Each door calls it; adding it twice adds nothing.</summary>
public static class DoorKit
{
    public static IServiceCollection AddDoorKit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // One stop policy for every door, so the first door that must stop the program decides its exit code.
        services.TryAddSingleton<DoorShutdown>();
        services.TryAddSingleton<DoorWebHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DoorWebHost>(sp => sp.GetRequiredService<DoorWebHost>()));
        return services;
    }
}
