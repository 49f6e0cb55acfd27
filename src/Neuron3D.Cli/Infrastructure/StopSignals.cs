using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Ctrl+C, SIGINT and SIGTERM all mean "stop gracefully" for a long-running neuron command: the first one cancels
/// <c>stop</c> and logs what happens next; the second one is left to the runtime (hard stop).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ILogger _log;
    private readonly string _whatHappens;
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <param name="stop">Cancelled on the first signal.</param>
    /// <param name="log">Where the signal is reported.</param>
    /// <param name="whatHappens">Logged after "stopping", e.g. "(no new pulls; running tasks may finish)".</param>
    public StopSignals(CancellationTokenSource stop, ILogger log, string whatHappens)
    {
        _stop = stop;
        _log = log;
        _whatHappens = whatHappens;
        Console.CancelKeyPress += OnCancelKeyPress;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_stop.IsCancellationRequested) return;
        e.Cancel = true;
        Request("Ctrl+C");
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested) return;
        context.Cancel = true;
        Request(context.Signal.ToString());
    }

    private void Request(string why)
    {
        _log.LogInformation("{Signal}: stopping {WhatHappens}; press Ctrl+C again to kill", why, _whatHappens);
        _stop.Cancel();
    }

    /// <summary>Unregisters the handlers.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (var registration in _registrations) registration.Dispose();
    }
}

/// <summary>Stands in for a resource that has nothing to dispose (e.g. a test's metagraph source).</summary>
public sealed class NoDispose : IAsyncDisposable
{
    /// <summary>The one instance.</summary>
    public static readonly NoDispose Instance = new();

    /// <summary>Does nothing.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
