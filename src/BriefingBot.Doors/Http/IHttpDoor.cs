using Microsoft.AspNetCore.Routing;

namespace BriefingBot.Doors.Http;

/// <summary>A door that platforms reach over HTTP: where it listens and the routes it maps on the one web host.</summary>
public interface IHttpDoor
{
    /// <summary>Where to listen (<c>http://127.0.0.1:8080</c>), or null when this door is not in HTTP mode; read after validation.</summary>
    string? ListenUrl { get; }

    /// <summary>Maps the door's routes, each with <see cref="DoorRoutes.MapSignedPost"/> so every one is hardened alike.</summary>
    void Map(IEndpointRouteBuilder routes);
}
