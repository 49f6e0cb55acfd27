using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;
using Neuron3D.Generation.Output;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;

namespace Neuron3D.Subnet17.Demo;

/// <summary>
/// Renders what the validator was sent: a scorer decorator keeps each scored asset until the validator reports whose
/// it was (<see cref="OnSubmission"/>), then a background worker renders the first <c>perMiner</c> assets of every
/// miner to <c>uid{N}-{n}.png</c> and, at the end, a captioned contact sheet. Rendering runs off the validator's
/// request path, one asset at a time.
/// </summary>
public sealed class PreviewRecorder : IFidelityScorer, IAsyncDisposable
{
    private readonly IFidelityScorer _inner;
    private readonly string _folder;
    private readonly int _perMiner;
    private readonly int _size;
    private readonly ConcurrentDictionary<string, (string Prompt, ReadOnlyMemory<byte> Spz)> _scored = new();
    private readonly ConcurrentDictionary<int, int> _queuedPerUid = new();
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<(RenderImage Image, string Caption)> _rendered = [];
    private readonly List<string> _files = [];
    private readonly Task _worker;

    private sealed record Job(int Uid, string Label, string Prompt, ReadOnlyMemory<byte> Spz, string Verdict, double Score);

    /// <param name="inner">The scorer that judges.</param>
    /// <param name="folder">Where PNGs go (created).</param>
    /// <param name="perMiner">Most previews per uid.</param>
    /// <param name="size">Edge length in pixels.</param>
    public PreviewRecorder(IFidelityScorer inner, string folder, int perMiner, int size)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _folder = Directory.CreateDirectory(folder).FullName;
        _perMiner = perMiner;
        _size = size;
        _worker = Task.Run(RenderLoopAsync);
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <summary>The PNG files written so far (full paths).</summary>
    public IReadOnlyList<string> Files
    {
        get { lock (_files) return _files.ToList(); }
    }

    /// <inheritdoc />
    public async Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        _scored[task.Id] = (task.Prompt, spz);
        return await _inner.ScoreAsync(task, spz, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The validator handled <paramref name="record"/>: queue its asset for a preview when the miner's quota allows.</summary>
    /// <param name="record">The submission.</param>
    /// <param name="label">Caption of the miner (its role).</param>
    public void OnSubmission(SubmissionRecord record, string label)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_scored.TryRemove(record.TaskId, out var asset) || record.Outcome is null) return;
        if (_queuedPerUid.AddOrUpdate(record.Uid, 1, (_, n) => n + 1) > _perMiner) return;
        _jobs.Writer.TryWrite(new Job(record.Uid, label, asset.Prompt, asset.Spz, record.Outcome.Value.ToString().ToLowerInvariant(), record.Score));
    }

    private async Task RenderLoopAsync()
    {
        var index = new Dictionary<int, int>();
        await foreach (var job in _jobs.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            RenderImage image;
            try
            {
                image = Preview.Render(SpzCodec.Decode(job.Spz.Span, StructuralScorer.DefaultLimits), _size);
            }
            catch (AssetFormatException)
            {
                continue; // unreadable uploads have nothing to show; the validator already scored them 0
            }
            var n = index[job.Uid] = index.GetValueOrDefault(job.Uid) + 1;
            var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"uid{job.Uid}-{n}.png"));
            await File.WriteAllBytesAsync(path, image.ToPng()).ConfigureAwait(false);
            lock (_files)
            {
                _files.Add(path);
                _rendered.Add((image, string.Create(CultureInfo.InvariantCulture, $"uid {job.Uid} {job.Label} {job.Verdict} {job.Score:F2}: {job.Prompt}")));
            }
        }
    }

    /// <summary>Finishes the queued renders and writes <c>contact-sheet.png</c> (when anything was rendered); returns every file written.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync()
    {
        _jobs.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
        List<(RenderImage, string)> cells;
        lock (_files) cells = _rendered.OrderBy(c => c.Caption, StringComparer.Ordinal).ToList();
        if (cells.Count > 0)
        {
            var sheet = Path.Combine(_folder, "contact-sheet.png");
            await File.WriteAllBytesAsync(sheet, Preview.ContactSheet(cells, Math.Min(4, cells.Count)).ToPng()).ConfigureAwait(false);
            lock (_files) _files.Add(sheet);
        }
        return Files;
    }

    /// <summary>Stops the worker after the queued renders.</summary>
    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
    }
}
