namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// Bounds concurrent handlers to <c>maxWorkers</c>; further requests wait in a priority queue (higher priority first,
/// FIFO among equals) of at most <c>maxQueue</c> live entries, beyond which <see cref="TryEnter"/> refuses at once.
/// A freed slot is handed directly to the best waiter, so queued requests cannot be overtaken by new arrivals.
/// </summary>
internal sealed class PriorityGate(int maxWorkers, int maxQueue)
{
    private readonly Lock sync = new();
    private readonly PriorityQueue<TaskCompletionSource<bool>, (double NegativePriority, long Sequence)> waiting = new();
    private int running;
    private int liveWaiters;
    private long sequence;

    public int Running { get { lock (sync) return running; } }

    public int Queued { get { lock (sync) return liveWaiters; } }

    /// <summary>
    /// Takes a worker slot (completed task) or a queue place (task completing when a slot is handed over);
    /// null when the queue is full. A caller that stops waiting must call <see cref="Abandon"/>.
    /// </summary>
    public Task<bool>? TryEnter(double priority)
    {
        lock (sync)
        {
            if (running < maxWorkers && liveWaiters == 0)
            {
                running++;
                return Task.FromResult(true);
            }
            if (liveWaiters >= maxQueue) return null;
            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (waiting.Count > 4 * Math.Max(maxQueue, 16)) Compact();
            waiting.Enqueue(waiter, (-priority, sequence++));
            liveWaiters++;
            return waiter.Task;
        }
    }

    /// <summary>Gives up a queue place; false when the slot was handed over meanwhile (the caller then owns it).</summary>
    public bool Abandon(Task<bool> entered)
    {
        lock (sync)
        {
            if (entered.IsCompleted) return false;
            foreach (var (waiter, _) in waiting.UnorderedItems)
            {
                if (waiter.Task == entered && waiter.TrySetResult(false))
                {
                    liveWaiters--;
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Returns a worker slot, handing it to the best live waiter if there is one.</summary>
    public void Release()
    {
        lock (sync)
        {
            while (waiting.TryDequeue(out var waiter, out _))
            {
                if (waiter.TrySetResult(true))
                {
                    liveWaiters--;
                    return;
                }
            }
            running--;
        }
    }

    private void Compact()
    {
        var live = new List<(TaskCompletionSource<bool>, (double, long))>(liveWaiters);
        foreach (var item in waiting.UnorderedItems)
            if (!item.Element.Task.IsCompleted) live.Add(item);
        waiting.Clear();
        waiting.EnqueueRange(live);
    }
}
