using Neuron3D.Testing;
using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json;
using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;
using Neuron3D.Bittensor.Tests.Metadata;

namespace Neuron3D.Bittensor.Tests.Chain;

/// <summary>JSON-RPC, metadata, storage and subscriptions against the real subtensor runtime (localchain, spec 293).</summary>
[Collection(LocalChainCollection.Name)]
public sealed class LocalChainRpcTests(LocalChainFixture chain)
{
    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(120);

    private static Task<JsonElement> NewBlockAsync(SubstrateRpcClient rpc, int count = 1, CancellationToken ct = default) =>
        rpc.RequestAsync("dev_newBlock", [new { count }], TimeSpan.FromSeconds(60), ct);

    [Fact]
    public async Task Reads_runtime_version_metadata_and_accounts_at_head_and_at_a_block_hash()
    {
        using var limit = new CancellationTokenSource(TestLimit);
        var ct = limit.Token;
        await using var client = await ChainClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);

        var version = await client.GetRuntimeVersionAsync(cancellationToken: ct);
        Assert.Equal("node-subtensor", version.SpecName);
        Assert.Equal(293u, version.SpecVersion);
        Assert.Equal(1u, version.TransactionVersion);
        Assert.Equal("0x" + string.Concat(Enumerable.Repeat("45", 32)), await client.GetBlockHashAsync(0, ct));

        // Newest offered version (15 here), and V14 from state_getMetadata; both re-encode to the served bytes.
        var metadata = await client.GetMetadataAsync(cancellationToken: ct);
        Assert.Equal(15, metadata.Version);
        var v14Hex = await client.Rpc.RequestAsync<string>("state_getMetadata", cancellationToken: ct);
        var v14 = RuntimeMetadata.Parse(Hex.Decode(v14Hex));
        Assert.Equal(14, v14.Version);
        Assert.Equal(Hex.Decode(v14Hex), v14.Encode());
        Assert.Equal(7, metadata.Pallet("SubtensorModule").Index);

        // Alice's account at the head (genesis endowment 1,000,000 TAO).
        var account = new StorageItem(metadata, "System", "Account");
        var before = await client.ReadStorageAsync(account, [FinneyMetadata.Alice], cancellationToken: ct);
        var freeBefore = before!["data"]["free"].AsNumber();
        Assert.True(freeBefore >= new BigInteger(999_000) * 1_000_000_000, $"Alice has {freeBefore} rao");

        // Change her balance in a new block; an older block still reads the old value. (dev_setStorage edits the
        // head's state in place, so the block to compare with is the head's parent.)
        var oldHash = await client.GetBlockHashAsync(cancellationToken: ct);
        await NewBlockAsync(client.Rpc, 1, ct);
        var changed = metadata.Types.FromJson(account.Entry.ValueTypeId, JsonSerializer.SerializeToNode(new
        {
            nonce = 0, consumers = 0, providers = 1, sufficients = 0,
            data = new { free = "123456789000", reserved = 0, frozen = 0, flags = "170141183460469231731687303715884105728" },
        }));
        await client.Rpc.RequestAsync("dev_setStorage",
            [new[] { new[] { Hex.Encode(account.Key(FinneyMetadata.Alice)), Hex.Encode(metadata.Types.Encode(account.Entry.ValueTypeId, changed)) } }],
            cancellationToken: ct);
        await NewBlockAsync(client.Rpc, 1, ct);
        var after = await client.ReadStorageAsync(account, [FinneyMetadata.Alice], cancellationToken: ct);
        Assert.Equal(new BigInteger(123_456_789_000), after!["data"]["free"].AsNumber());
        var atOldBlock = await client.ReadStorageAsync(account, [FinneyMetadata.Alice], oldHash, ct);
        Assert.Equal(freeBefore, atOldBlock!["data"]["free"].AsNumber());
        Assert.Equal((await client.GetHeaderAsync(oldHash, ct)).Number + 2, (await client.GetHeaderAsync(cancellationToken: ct)).Number);

        // An account that never existed reads as the default, an absent Optional item as null.
        Assert.Equal(BigInteger.Zero, (await client.ReadStorageAsync(account, [new byte[32]], cancellationToken: ct))!["data"]["free"].AsNumber());
        var axons = new StorageItem(metadata, "SubtensorModule", "Axons");
        Assert.Null(await client.GetStorageAsync(axons.Key(1, new byte[32]), cancellationToken: ct));
        Assert.Equal(StorageModifier.Optional, axons.Entry.Modifier);
        Assert.Null(await client.ReadStorageAsync(axons, [1, new byte[32]], cancellationToken: ct));
    }

    [Fact]
    public async Task Enumerates_keys_page_by_page_and_decodes_them()
    {
        using var limit = new CancellationTokenSource(TestLimit);
        var ct = limit.Token;
        await using var client = await ChainClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var metadata = await client.GetMetadataAsync(cancellationToken: ct);
        var account = new StorageItem(metadata, "System", "Account");
        var head = await client.GetBlockHashAsync(cancellationToken: ct);

        var onePage = await client.GetKeysPagedAsync(account.PrefixKey(), 1000, null, head, ct);
        var paged = new List<byte[]>();
        byte[]? start = null;
        while (true)
        {
            var page = await client.GetKeysPagedAsync(account.PrefixKey(), 3, start, head, ct);
            paged.AddRange(page);
            if (page.Count < 3) break;
            start = page[^1];
        }
        Assert.True(onePage.Count >= 8, $"{onePage.Count} accounts"); // 8 endowed genesis accounts
        Assert.Equal(onePage.Select(k => Hex.Encode(k)), paged.Select(k => Hex.Encode(k)));
        var owners = onePage.Select(k => Hex.Encode(account.DecodeKey(k)[0]!.AsBytes())).ToArray();
        Assert.Contains(Hex.Encode(FinneyMetadata.Alice), owners);
        Assert.Contains(Hex.Encode(FinneyMetadata.Bob), owners);

        var entries = new List<(byte[] Key, ScaleValue Value)>();
        await foreach (var entry in client.EnumerateStorageAsync(account, [], pageSize: 3, blockHash: head, cancellationToken: ct))
            entries.Add(entry);
        Assert.Equal(onePage.Select(k => Hex.Encode(k)), entries.Select(e => Hex.Encode(e.Key)));
        Assert.All(entries, e => Assert.True(e.Value["providers"].AsNumber() >= 0));

        // Identity-hashed keys decode to the netuid: genesis has root (0) and netuid 1.
        var networks = new StorageItem(metadata, "SubtensorModule", "NetworksAdded");
        var netuids = new List<int>();
        await foreach (var (key, added) in client.EnumerateStorageAsync(networks, [], cancellationToken: ct))
            if (added.AsBool()) netuids.Add((int)networks.DecodeKey(key)[0]!.AsNumber());
        Assert.Equal([0, 1], netuids.Order());
    }

    [Fact]
    public async Task Head_subscriptions_deliver_built_blocks_and_errors_are_typed()
    {
        using var limit = new CancellationTokenSource(TestLimit);
        var ct = limit.Token;
        await using var rpc = await SubstrateRpcClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        await using var heads = await rpc.SubscribeNewHeadsAsync(ct);
        await using var finalized = await rpc.SubscribeFinalizedHeadsAsync(ct);
        // Both subscriptions announce the current head first.
        var first = BlockHeaderNumber(await heads.NextAsync(ct));
        BlockHeaderNumber(await finalized.NextAsync(ct));

        await NewBlockAsync(rpc, 2, ct);
        var latest = first;
        while (latest < first + 2) latest = BlockHeaderNumber(await heads.NextAsync(ct));
        Assert.Equal(first + 2, latest);
        var finalizedNumber = first;
        while (finalizedNumber < first + 2) finalizedNumber = BlockHeaderNumber(await finalized.NextAsync(ct));

        var unknown = await Assert.ThrowsAsync<RpcException>(() => rpc.RequestAsync("no_suchMethod", cancellationToken: ct));
        Assert.Equal(-32601, unknown.Code);
        await Assert.ThrowsAsync<RpcTimeoutException>(() => rpc.RequestAsync("dev_newBlock", [new { count = 3 }], TimeSpan.FromMilliseconds(1), ct));
    }

    [Fact]
    public async Task Killing_the_chain_ends_in_a_clear_error_or_a_reconnect_never_a_hang()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = limit.Token;
        var quick = new RpcClientOptions { MaxReconnectAttempts = 2, ReconnectBaseDelay = TimeSpan.FromMilliseconds(100), ConnectTimeout = TimeSpan.FromSeconds(2) };
        var patient = new RpcClientOptions { MaxReconnectAttempts = 1000, ReconnectBaseDelay = TimeSpan.FromMilliseconds(200), ReconnectMaxDelay = TimeSpan.FromSeconds(1) };
        await using var givesUp = await SubstrateRpcClient.ConnectAsync(chain.Endpoint, quick, ct);
        await using var recovers = await SubstrateRpcClient.ConnectAsync(chain.Endpoint, patient, ct);
        var events = new ConcurrentQueue<RpcConnectionEvent>();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        recovers.ConnectionChanged += e =>
        {
            events.Enqueue(e);
            if (e.Kind == RpcConnectionEventKind.Reconnected) reconnected.TrySetResult();
        };
        await using var doomed = await givesUp.SubscribeNewHeadsAsync(ct);
        await using var survivor = await recovers.SubscribeNewHeadsAsync(ct);
        await doomed.NextAsync(ct);
        await survivor.NextAsync(ct);

        try
        {
            await chain.StopAsync();

            // The client with 2 attempts reports the loss on the subscription, within seconds.
            var started = DateTime.UtcNow;
            var error = await Assert.ThrowsAsync<RpcConnectionException>(async () => { while (true) await doomed.NextAsync(ct); });
            Assert.Contains("reconnect attempt", error.Message);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
            await Assert.ThrowsAsync<RpcConnectionException>(() => givesUp.RequestAsync("chain_getHeader", cancellationToken: ct));
        }
        finally
        {
            await chain.StartAsync(); // same port, fresh genesis
        }

        // The patient client reconnects, re-subscribes and sees blocks built on the restarted chain.
        await reconnected.Task.WaitAsync(ct);
        Assert.Contains(events, e => e.Kind == RpcConnectionEventKind.Disconnected);
        Assert.Contains(events, e => e.Kind == RpcConnectionEventKind.Reconnecting);
        var sawHead = false;
        for (var attempt = 0; attempt < 10 && !sawHead; attempt++)
        {
            await NewBlockAsync(recovers, 1, ct);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await survivor.NextAsync(wait.Token);
                sawHead = true;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        Assert.True(sawHead, "no head after reconnect");
    }

    [Fact]
    public async Task Staleness_watchdog_reports_and_reconnects()
    {
        using var limit = new CancellationTokenSource(TestLimit);
        var ct = limit.Token;
        var options = new RpcClientOptions { HeadStalenessTimeout = TimeSpan.FromSeconds(1), ReconnectBaseDelay = TimeSpan.FromMilliseconds(100) };
        await using var rpc = await SubstrateRpcClient.ConnectAsync(chain.Endpoint, options, ct);
        var stale = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rpc.ConnectionChanged += e =>
        {
            if (e.Kind == RpcConnectionEventKind.Stale) stale.TrySetResult();
            if (e.Kind == RpcConnectionEventKind.Reconnected && stale.Task.IsCompleted) reconnected.TrySetResult();
        };
        await using var heads = await rpc.SubscribeNewHeadsAsync(ct);
        await heads.NextAsync(ct);
        // Manual block mode: no blocks come unless asked, so the watchdog must fire.
        await stale.Task.WaitAsync(ct);
        await reconnected.Task.WaitAsync(ct);
        var header = await rpc.RequestAsync("chain_getHeader", cancellationToken: ct);
        Assert.Equal(JsonValueKind.Object, header.ValueKind);
    }

    private static uint BlockHeaderNumber(JsonElement header) =>
        Convert.ToUInt32(header.GetProperty("number").GetString()![2..], 16);
}
