using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace BriefingBot.Doors.Http;

/// <summary>
/// How a door's POST route reads its request: the raw body, capped before it is read in full (a platform's own
/// requests are a few KB; anything far larger is not the platform), handed over whole so the door can check its
/// signature on the exact bytes before it parses anything.
/// </summary>
public static class DoorRoutes
{
    /// <summary>Maps <c>POST path</c>; a body over <paramref name="maxBodyBytes"/> gets 413 and never reaches <paramref name="handle"/>.</summary>
    public static IEndpointConventionBuilder MapSignedPost(
        this IEndpointRouteBuilder routes, string path, int maxBodyBytes, Func<HttpContext, byte[], Task> handle) =>
        routes.MapPost(path, async context =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBodyBytes;
            var body = context.Request.ContentLength > maxBodyBytes ? null : await ReadBodyAsync(context.Request, maxBodyBytes, context.RequestAborted);
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await handle(context, body);
        });

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        try
        {
            // Platforms send Content-Length (already checked against the cap): the bytes go straight into one exact array.
            if (request.ContentLength is { } length) return await ReadExactAsync(request.Body, (int)length, cancellationToken);
            return await ReadChunkedAsync(request.Body, maxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadExactAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = length == 0 ? [] : new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0) filled += read;
        // A body that ends early is handed on as it came, as before; its signature will not check out.
        return filled == length ? bytes : bytes[..filled];
    }

    /// <summary>A body without Content-Length (chunked): read in chunks up to the cap.</summary>
    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int maxBodyBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
