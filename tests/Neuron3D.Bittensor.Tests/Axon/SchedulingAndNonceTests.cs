using System.Collections.Concurrent;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>Priority order of queued requests, and why forgetting old nonces never re-opens a replay.</summary>
public sealed class SchedulingAndNonceTests
{
    [Fact]
    public async Task Queued_requests_run_by_priority_not_arrival()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<long>();
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>(async (synapse, _, _) =>
        {
            h.CountHandlerRun();
            order.Enqueue(synapse.DummyInput);
            if (synapse.DummyInput == 0) await release.Task;
            return synapse;
        }, priority: info => info.Hotkey == DevKeys.Alice.Ss58Address ? 10 : 1), new AxonOptions { MaxWorkers = 1, MaxQueue = 8, HandlerTimeout = TimeSpan.FromSeconds(30) });
        using var alice = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        using var charlie = new Dendrite(new Sr25519SynapseSigner(DevKeys.Charlie));
        Task<HttpResponseMessage> Send(Dendrite dendrite, long input) =>
            host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = input }, TimeSpan.FromSeconds(30)));

        var blocker = Send(alice, 0);
        while (host.HandlerRuns == 0) await Task.Delay(20);
        var low = Send(charlie, 1);
        await Task.Delay(300);
        var high = Send(alice, 2);
        await Task.Delay(300);
        release.SetResult();
        foreach (var response in await Task.WhenAll(blocker, low, high))
        {
            Assert.Equal(200, (int)response.StatusCode);
            response.Dispose();
        }
        Assert.Equal([0L, 2L, 1L], order.ToArray());
    }

    [Fact]
    public void Forgotten_nonces_stay_refused_by_the_age_rule()
    {
        var tracker = new NonceTracker(maxTimeout: TimeSpan.FromSeconds(12), maxClockSkew: TimeSpan.FromSeconds(60));
        const long start = 1_750_000_000_000_000_000;
        for (var i = 0; i < 100; i++) Assert.True(tracker.TryCommit("hotkey:uuid-" + i, start + i, start));
        Assert.Equal(100, tracker.Count);

        var later = start + 17_000_000_000; // past the largest window (4 s + 12 s)
        tracker.Sweep(later);
        Assert.Equal(0, tracker.Count);
        for (var i = 0; i < 100; i++)
            Assert.StartsWith("Nonce is too old", tracker.Check("hotkey:uuid-" + i, start + i, timeoutSeconds: 1e9, later));
    }

    [Fact]
    public void Caller_timeouts_cannot_widen_the_window_beyond_the_cap()
    {
        var tracker = new NonceTracker(maxTimeout: TimeSpan.FromSeconds(12), maxClockSkew: TimeSpan.FromSeconds(60));
        const long now = 1_750_000_000_000_000_000;
        Assert.Null(tracker.Check("k", now - 15_000_000_000, timeoutSeconds: 3600, now));
        Assert.NotNull(tracker.Check("k", now - 17_000_000_000, timeoutSeconds: 3600, now));
        Assert.NotNull(tracker.Check("k", now - 5_000_000_000, timeoutSeconds: 0.5, now));
    }

    [Fact]
    public void Gate_refuses_beyond_the_queue_and_hands_slots_to_the_best_waiter()
    {
        var gate = new PriorityGate(maxWorkers: 1, maxQueue: 2);
        Assert.True(gate.TryEnter(0)!.IsCompletedSuccessfully);
        var low = gate.TryEnter(1)!;
        var high = gate.TryEnter(5)!;
        Assert.Null(gate.TryEnter(9));
        Assert.False(low.IsCompleted);

        gate.Release();
        Assert.True(high.IsCompletedSuccessfully);
        Assert.False(low.IsCompleted);
        Assert.True(gate.Abandon(low));
        Assert.Equal(0, gate.Queued);
        gate.Release();
        Assert.Equal(0, gate.Running);
    }
}
