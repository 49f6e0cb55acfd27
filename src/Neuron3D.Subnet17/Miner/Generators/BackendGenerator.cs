using System.IO.Hashing;
using System.Text;
using Neuron3D.Assets.Splats;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner.Generators;

/// <summary>
/// A miner worker over one of the team's text-to-3D backends (<see cref="IGenerationBackend"/>): the built-in
/// <see cref="ProceduralBackend"/> or an SN17 generation service (<see cref="HttpGenerationBackend"/>). The seed is
/// derived from the task id, so a task a validator re-sends gives the same asset. Image tasks are offered only to
/// backends declared able to decode the base64 image that arrives in the prompt.
/// </summary>
public sealed class BackendGenerator : IMinerGenerator, IDisposable
{
    private readonly IGenerationBackend _backend;
    private readonly bool _acceptsImages;

    /// <param name="backend">The backend; disposed with this generator when it is disposable.</param>
    /// <param name="acceptsImages">The backend decodes base64 images passed as the prompt (the built-in one does not).</param>
    public BackendGenerator(IGenerationBackend backend, bool acceptsImages = false)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
        _acceptsImages = acceptsImages;
    }

    /// <inheritdoc />
    public string Name => _backend.Name;

    /// <inheritdoc />
    public bool Supports(TaskKind kind) => kind == TaskKind.Text || _acceptsImages;

    /// <summary>The backend seed for <paramref name="taskId"/>: XXH64 of its UTF-8 bytes, as a signed 64-bit value.</summary>
    public static long SeedOf(string taskId) => unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(taskId)));

    /// <inheritdoc />
    /// <exception cref="GenerationBackendException">The backend failed, timed out or returned an unusable asset.</exception>
    public async Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var output = await _backend.GenerateAsync(task.Prompt, SeedOf(task.Id), cancellationToken).ConfigureAwait(false);
        return output.Splats;
    }

    /// <summary>Disposes the backend when it is disposable (HTTP clients).</summary>
    public void Dispose() => (_backend as IDisposable)?.Dispose();
}
