using Neuron3D.Assets.Splats;

namespace Neuron3D.Generation.Backends;

/// <summary>What one backend call produced: the 3DGS PLY bytes SN17 expects, the decoded splats, and — from the
/// built-in generator only — the full procedural result (mesh, parts, metadata).</summary>
/// <param name="Backend">The backend's name.</param>
/// <param name="Ply">Binary 3DGS PLY in the SN17 layout (spec §4.1).</param>
/// <param name="Splats">The splats the PLY holds.</param>
/// <param name="Procedural">The built-in generator's result, or null for remote backends.</param>
/// <param name="Elapsed">Wall-clock time of the call.</param>
public sealed record BackendOutput(string Backend, byte[] Ply, SplatCloud Splats, GenerationResult? Procedural, TimeSpan Elapsed);

/// <summary>
/// A text-to-3D backend: the built-in procedural generator, or a remote service speaking the SN17 generation-service
/// API (spec §2.5: <c>POST /generate/</c>, form field <c>prompt</c>, binary PLY back).
/// </summary>
public interface IGenerationBackend
{
    /// <summary>Short name for logs and reports ("procedural", "http://host:8093").</summary>
    string Name { get; }

    /// <summary>Generates one asset.</summary>
    /// <exception cref="GenerationBackendException">The backend failed, timed out or returned an unusable asset.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default);
}

/// <summary>A backend could not produce an asset; the message says which backend, what happened and what to check.</summary>
public sealed class GenerationBackendException : Exception
{
    public GenerationBackendException(string backend, string message, Exception? inner = null)
        : base($"{backend}: {message}", inner) => Backend = backend;

    /// <summary>The backend's name.</summary>
    public string Backend { get; }
}
