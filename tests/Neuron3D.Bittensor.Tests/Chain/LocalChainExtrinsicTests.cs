using Neuron3D.Testing;
using System.Numerics;
using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Tests.Chain;

/// <summary>Signed extrinsics on the real runtime: real sr25519 verification, fees, events and dispatch errors.</summary>
[Collection(LocalChainCollection.Name)]
public sealed class LocalChainExtrinsicTests(LocalChainFixture chain)
{
    private const ulong Tao = 1_000_000_000; // rao

    /// <summary>Submits and builds blocks (Manual mode) until the extrinsic is in one.</summary>
    private static async Task<ExtrinsicOutcome> SubmitAsync(ChainClient client, RuntimeMetadata metadata, byte[] extrinsic, CancellationToken ct)
    {
        var outcome = client.SubmitAndWatchAsync(metadata, extrinsic, cancellationToken: ct);
        for (var i = 0; i < 10 && !outcome.IsCompleted; i++)
        {
            await client.Rpc.RequestAsync("dev_newBlock", [new { count = 1 }], TimeSpan.FromSeconds(60), ct);
            await Task.WhenAny(outcome, Task.Delay(TimeSpan.FromSeconds(2), ct));
        }
        return await outcome.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    [Fact]
    public async Task Balance_transfer_moves_funds_and_emits_events()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = limit.Token;
        await using var client = await ChainClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var metadata = await client.GetMetadataAsync(cancellationToken: ct);
        var account = new StorageItem(metadata, "System", "Account");
        using var alice = Sr25519Keypair.FromUri("//Alice");
        using var receiver = Sr25519Keypair.FromUri("//Neuron3DTransferTarget");

        var before = await client.ReadStorageAsync(account, [receiver.PublicKey], cancellationToken: ct);
        var aliceBefore = (await client.ReadStorageAsync(account, [alice.PublicKey], cancellationToken: ct))!;
        var call = metadata.EncodeCall("Balances", "transfer_keep_alive", ScaleValue.Variant("Id", receiver.PublicKey), 10 * Tao);
        var context = await client.GetSigningContextAsync(alice, cancellationToken: ct);
        var outcome = await SubmitAsync(client, metadata, ExtrinsicBuilder.BuildSigned(metadata, call, alice, context), ct);

        outcome.EnsureSuccess();
        var transfer = Assert.Single(outcome.Events, e => e is { Pallet: "Balances", Name: "Transfer" });
        Assert.Equal(alice.PublicKey, transfer.Fields["from"].AsBytes());
        Assert.Equal(receiver.PublicKey, transfer.Fields["to"].AsBytes());
        Assert.Equal(new BigInteger(10 * Tao), transfer.Fields["amount"].AsNumber());
        Assert.Contains(outcome.Events, e => e is { Pallet: "System", Name: "ExtrinsicSuccess" });

        var after = (await client.ReadStorageAsync(account, [receiver.PublicKey], cancellationToken: ct))!;
        Assert.Equal(before!["data"]["free"].AsNumber() + 10 * Tao, after["data"]["free"].AsNumber());
        var aliceAfter = (await client.ReadStorageAsync(account, [alice.PublicKey], cancellationToken: ct))!;
        Assert.Equal(aliceBefore["nonce"].AsNumber() + 1, aliceAfter["nonce"].AsNumber());
        Assert.True(aliceBefore["data"]["free"].AsNumber() - aliceAfter["data"]["free"].AsNumber() > 10 * Tao, "Alice paid a fee on top");
    }

    [Fact]
    public async Task Dispatch_errors_are_named_from_metadata_and_bad_signatures_are_refused()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = limit.Token;
        await using var client = await ChainClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var metadata = await client.GetMetadataAsync(cancellationToken: ct);
        using var bob = Sr25519Keypair.FromUri("//Bob");

        // Bob is not the sudo key: included, fee paid, call fails with Sudo.RequireSudo.
        var remark = ScaleValue.Variant("System", ScaleValue.Variant("remark", new byte[] { 1, 2, 3 }));
        var sudo = metadata.EncodeCall("Sudo", "sudo", remark);
        var bobContext = await client.GetSigningContextAsync(bob, cancellationToken: ct);
        var outcome = await SubmitAsync(client, metadata, ExtrinsicBuilder.BuildSigned(metadata, sudo, bob, bobContext), ct);
        Assert.False(outcome.Succeeded);
        var failure = Assert.Throws<ChainDispatchException>(() => outcome.EnsureSuccess());
        Assert.Equal("Sudo", failure.ModuleError!.PalletName);
        Assert.Equal("RequireSudo", failure.ModuleError.Name);
        Assert.Contains("Sudo.RequireSudo", failure.Message);

        // A signature that does not verify never gets into the pool: 1010 badProof.
        var nextContext = await client.GetSigningContextAsync(bob, cancellationToken: ct);
        var extrinsic = ExtrinsicBuilder.BuildSigned(metadata, metadata.EncodeCall("System", "remark", new byte[] { 9 }), bob, nextContext);
        extrinsic[2 + 35 + 10] ^= 0xff; // inside the 64-byte signature
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.SubmitAndWatchAsync(metadata, extrinsic, cancellationToken: ct));
        Assert.Equal(1010, refused.Code);
        Assert.Contains("badProof", refused.ErrorData?.GetRawText() ?? refused.Message);
    }
}
