namespace Neuron3D.Subnet17.Network;

/// <summary>Where miners and validators read the subnet's neurons from (the chain's metagraph in production).</summary>
public interface IMetagraphSource
{
    /// <summary>Every neuron of the subnet, indexed by uid (row i has uid i).</summary>
    Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken);
}

/// <summary>One metagraph row as SN17 neurons see it.</summary>
/// <param name="Uid">Neuron uid.</param>
/// <param name="Hotkey">SS58 hotkey.</param>
/// <param name="Stake">Stake weight in TAO (the metagraph's S).</param>
/// <param name="IsServing">Its axon is published (ip ≠ 0.0.0.0).</param>
/// <param name="AxonIp">Published axon address ("" when not serving).</param>
/// <param name="AxonPort">Published axon port.</param>
/// <param name="ValidatorPermit">The chain lets it set weights (the metagraph's validator_permit).</param>
public sealed record NeuronView(int Uid, string Hotkey, double Stake, bool IsServing, string AxonIp = "", int AxonPort = 0,
    bool ValidatorPermit = false);

