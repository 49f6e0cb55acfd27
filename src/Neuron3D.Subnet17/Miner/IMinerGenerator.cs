using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner;

/// <summary>Turns a task into Gaussian splats: the built-in generator, an HTTP generation service, a model.</summary>
public interface IMinerGenerator
{
    /// <summary>Shown in logs and the journal.</summary>
    string Name { get; }

    /// <summary>Whether this generator can do tasks of <paramref name="kind"/> (image tasks need a capable backend).</summary>
    bool Supports(TaskKind kind);

    /// <summary>Generates the asset; throws on failure (the miner then skips the task).</summary>
    Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken);
}
