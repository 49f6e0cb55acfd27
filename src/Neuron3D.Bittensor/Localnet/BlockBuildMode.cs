namespace Neuron3D.Bittensor.Localnet;

/// <summary>When chopsticks builds a block (its <c>--build-block-mode</c>).</summary>
public enum BlockBuildMode
{
    /// <summary>
    /// Only on <c>dev_newBlock</c>: deterministic, several extrinsics per block; clients must ask for blocks (or use
    /// <see cref="LocalChain.BuildBlocksAsync"/>).
    /// </summary>
    Manual,

    /// <summary>
    /// Every accepted extrinsic gets its own block at once, so any client (btcli, polkadot.js) sees it included without
    /// dev RPCs. Without extrinsics no block comes, so block height and chain time stand still.
    /// </summary>
    Instant,

    /// <summary>Pending extrinsics are packed into one block shortly after they arrive.</summary>
    Batch,
}
