using System.Diagnostics;

namespace Neuron3D.Generation.Backends;

/// <summary>The built-in CPU generator as a backend: runs on the thread pool, honours cancellation and a time limit.</summary>
public sealed class ProceduralBackend(ProceduralGenerator generator, TimeSpan? timeout = null) : IGenerationBackend
{
    /// <summary>Default time limit for one asset.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    /// <summary>The built-in generator with default options.</summary>
    public ProceduralBackend() : this(ProceduralGenerator.Default) { }

    public string Name => "procedural";

    public async Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await Task.Run(() => generator.Generate(prompt, seed, limit.Token), limit.Token).ConfigureAwait(false);
            return new BackendOutput(Name, result.ToSplatPly(), result.Splats, result, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GenerationBackendException(Name, $"no asset within {_timeout.TotalSeconds:0.#} s for \"{prompt}\"");
        }
        catch (ArgumentException e)
        {
            throw new GenerationBackendException(Name, e.Message, e);
        }
    }
}
