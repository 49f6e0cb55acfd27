using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Neuron3D.Generation.Backends;

/// <summary>Limits of the generation service.</summary>
public sealed record GenerationServerOptions
{
    /// <summary>Address to listen on (default loopback; 0.0.0.0 exposes it to other machines).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port (0 picks a free one; the SN17 reference uses 10006, its setup script 8093).</summary>
    public int Port { get; init; } = 8093;

    /// <summary>Largest request body: a form with a prompt and a seed.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Generations running at once; further requests wait their turn.</summary>
    public int MaxConcurrentGenerations { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Time limit for one generation; past it the request gets 503.</summary>
    public TimeSpan GenerationTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Serves a backend (normally the built-in generator) with the SN17 generation-service API on Kestrel:
/// <c>POST /generate/</c> with form field <c>prompt</c> (optional <c>seed</c>) answers 200 with a binary 3DGS PLY
/// (<c>application/octet-stream</c>); 400 for a missing or image prompt, 503 when a generation times out.
/// </summary>
public sealed class GenerationServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GenerationServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on (with the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="backend"/>.</summary>
    public static async Task<GenerationServer> StartAsync(IGenerationBackend backend, GenerationServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        options ??= new GenerationServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.Address, options.Port);
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var app = builder.Build();
        var gate = new SemaphoreSlim(options.MaxConcurrentGenerations);
        RequestDelegate handler = context => HandleAsync(context, backend, gate, options);
        // Routing matches "/generate" and "/generate/" alike (trailing slashes are ignored), so one route serves both.
        app.MapPost("/generate/", handler);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GenerationServer(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    private static async Task HandleAsync(HttpContext context, IGenerationBackend backend, SemaphoreSlim gate, GenerationServerOptions options)
    {
        if (!context.Request.HasFormContentType)
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, "send the prompt as form field 'prompt'").ConfigureAwait(false);
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var prompt = form["prompt"].ToString();
        long seed = 0;
        var problem = string.IsNullOrWhiteSpace(prompt) ? "form field 'prompt' is missing or empty"
            : LooksLikeImage(prompt) ? "image prompts (base64) are not supported by this text-to-3D service"
            : form.TryGetValue("seed", out var seedText) && seedText.Count > 0 && !long.TryParse(seedText.ToString(), out seed) ? "form field 'seed' must be an integer"
            : null;
        if (problem is not null)
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(options.GenerationTimeout);
        BackendOutput output;
        try
        {
            await gate.WaitAsync(limit.Token).ConfigureAwait(false);
            try
            {
                output = await backend.GenerateAsync(prompt, seed, limit.Token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await TextAsync(context, StatusCodes.Status503ServiceUnavailable, $"no asset within {options.GenerationTimeout.TotalSeconds:0.#} s").ConfigureAwait(false);
            return;
        }
        catch (GenerationBackendException e)
        {
            await TextAsync(context, StatusCodes.Status500InternalServerError, e.Message).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = output.Ply.Length;
        await context.Response.Body.WriteAsync(output.Ply, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task TextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    /// <summary>SN17 sends image tasks as base64 in the same field; text prompts are short and contain spaces.</summary>
    private static bool LooksLikeImage(string prompt) => prompt.Length > 512 && !prompt.Contains(' ', StringComparison.Ordinal);

    /// <summary>Serves until <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown was requested; disposal stops Kestrel.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
