using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Neuron3D.Subnet17.Hosting;

/// <summary>
/// A tiny Kestrel server for Prometheus: <c>GET /metrics</c> answers <see cref="PrometheusText.ContentType"/> text
/// rendered on each scrape; everything else is 404. It binds to loopback by default because the numbers describe
/// an operator's business (put a reverse proxy in front to expose them).
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly Func<string> _render;
    private readonly IPAddress _bind;
    private readonly int _requestedPort;
    private WebApplication? _app;

    /// <param name="render">Produces the exposition text (called once per scrape, on a thread-pool thread).</param>
    /// <param name="port">TCP port; 0 picks a free one (see <see cref="Port"/>).</param>
    /// <param name="bind">Address to listen on; loopback when null.</param>
    public MetricsServer(Func<string> render, int port, IPAddress? bind = null)
    {
        _render = render ?? throw new ArgumentNullException(nameof(render));
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _requestedPort = port;
        _bind = bind ?? IPAddress.Loopback;
    }

    /// <summary>The port actually listened on (after <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("The metrics server is already started.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxConcurrentConnections = 16;
            kestrel.Listen(_bind, _requestedPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Port = new Uri(address).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/metrics" || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        string text;
        try
        {
            text = _render();
        }
        catch (Exception e)
        {
            // A failed render (e.g. the journal's disk) must show as a failed scrape, not a dead server.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("metrics unavailable: " + e.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = PrometheusText.ContentType;
        if (HttpMethods.IsGet(context.Request.Method))
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
