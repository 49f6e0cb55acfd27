using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Miner;

public sealed class MinerJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-journal-").FullName;
    private string DbPath => Path.Combine(_dir, "miner", "journal.db");

    [Fact]
    public void A_restart_sees_unfinished_tasks_and_full_history()
    {
        var done = new Sn17Task("11111111-1111-4111-8111-111111111111", TaskKind.Text, "a red chair");
        var open = new Sn17Task("22222222-2222-4222-8222-222222222222", TaskKind.Text, "a stone bridge");
        var skipped = new Sn17Task("33333333-3333-4333-8333-333333333333", TaskKind.Image, "iVBORw0KGgo=");
        using (var journal = new MinerJournal(DbPath))
        {
            journal.Pulled(done, 1, "val-1", 100);
            journal.Generated(done.Id, "val-1", 0.42, "ab12", 12345);
            journal.Submitted(done.Id, "val-1", 101);
            journal.Scored(done.Id, "val-1", new Feedback(false, 0.8, 0.99, 1, 1500, 1500));

            journal.Pulled(skipped, 1, "val-1", 200);
            journal.Submitted(skipped.Id, "val-1", 201, "image tasks need a backend that can do them");
            journal.Scored(skipped.Id, "val-1", new Feedback(false, 0, 0.99, 1, 1500, 1500));

            journal.Pulled(open, 2, "val-2", 300);
            journal.Generated(open.Id, "val-2", 0.5, "cd34", 999);
        }

        using var reopened = new MinerJournal(DbPath);
        var unfinished = Assert.Single(reopened.Unfinished());
        Assert.Equal(open.Id, unfinished.TaskId);
        Assert.Equal(JournalStatus.Generated, unfinished.Status);

        var history = reopened.History();
        Assert.Equal(2, history.Count);
        var v1 = history[0];
        Assert.Equal((1, 2, 1, 1, 1), (v1.ValidatorUid, v1.Tasks, v1.Submitted, v1.Accepted, v1.Skipped));
        Assert.Equal(1.0, v1.AcceptanceRate);
        Assert.Equal(0.8, v1.AverageScore);
        Assert.Equal(0.42, v1.AverageGenerationSeconds);
        Assert.Equal(0.99, v1.LatestFeedback!.AverageFidelityScore);
        Assert.Equal(JournalStatus.Skipped, reopened.Recent().Single(e => e.TaskId == skipped.Id).Status);
    }

    [Fact]
    public void Pulling_the_same_task_again_keeps_one_row()
    {
        using var journal = new MinerJournal(DbPath);
        var task = new Sn17Task("44444444-4444-4444-8444-444444444444", TaskKind.Text, "a lamp");
        journal.Pulled(task, 1, "v", 1);
        journal.Generated(task.Id, "v", 1, "ff", 1);
        journal.Pulled(task, 1, "v", 2);
        var entry = Assert.Single(journal.Recent());
        Assert.Equal(JournalStatus.Generated, entry.Status);
        Assert.Equal(1, entry.PulledAt);
    }

    [Fact]
    public void Failures_keep_their_reason_and_count_as_failed()
    {
        using var journal = new MinerJournal(DbPath);
        var task = new Sn17Task("55555555-5555-4555-8555-555555555555", TaskKind.Text, "a sword");
        journal.Pulled(task, 4, "v4", 1);
        journal.Failed(task.Id, "v4", "validator answered 503");
        var entry = Assert.Single(journal.Recent());
        Assert.Equal("validator answered 503", entry.Note);
        Assert.Equal(1, journal.History()[0].Failed);
        Assert.Equal(0, journal.History()[0].AcceptanceRate);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
