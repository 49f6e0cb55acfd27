using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Cli.Tests.Miner;

/// <summary><c>neuron3d miner status</c> over a journal written here through <see cref="MinerJournal"/>.</summary>
public sealed class MinerStatusTests : IDisposable
{
    private readonly TempWallets _root = new();

    private string WriteJournal(string folder)
    {
        Directory.CreateDirectory(folder);
        using var journal = new MinerJournal(Path.Combine(folder, MinerCommands.JournalFileName));
        // Validator 2: two scored (0.8 and a rejection), one skip; validator 7: one submission without feedback, one pending.
        journal.Pulled(new Sn17Task("a", TaskKind.Text, "a red chair"), 2, "5V2", 1_750_000_000);
        journal.Generated("a", "5V2", 10, "aa", 100);
        journal.Submitted("a", "5V2", 1_750_000_011);
        journal.Scored("a", "5V2", new Feedback(false, 0.8, 0.81, 3, 1510, 4530));
        journal.Pulled(new Sn17Task("b", TaskKind.Text, "a blue lamp"), 2, "5V2", 1_750_000_100);
        journal.Generated("b", "5V2", 20, "bb", 100);
        journal.Submitted("b", "5V2", 1_750_000_121);
        journal.Scored("b", "5V2", new Feedback(false, 0, 0.77, 3, 1490, 4470));
        journal.Pulled(new Sn17Task("c", TaskKind.Image, "iVBORw0KGgo="), 2, "5V2", 1_750_000_200);
        journal.Submitted("c", "5V2", 1_750_000_201, "builtin cannot do image tasks");
        journal.Scored("c", "5V2", new Feedback(false, 0, 0.77, 3, 1490, 4470));
        journal.Pulled(new Sn17Task("d", TaskKind.Text, "a tree"), 7, "5V7", 1_750_000_300);
        journal.Submitted("d", "5V7", 1_750_000_330);
        journal.Failed("d", "5V7", "no feedback: 408 timeout");
        journal.Pulled(new Sn17Task("e", TaskKind.Text, "a boat"), 7, "5V7", 1_750_000_400);
        return folder;
    }

    [Fact]
    public void Json_status_has_history_acceptance_scores_feedback_and_unfinished_tasks()
    {
        var folder = WriteJournal(_root.File("state"));
        var json = CliRun.Expect(0, "miner", "status", "--neuron.full_path", folder, "--json", "--recent", "2").Json;

        Assert.Equal(Path.Combine(folder, "journal.db"), json["journal"]!.GetValue<string>());
        var totals = json["totals"]!;
        Assert.Equal((5, 2, 1, 1, 1), (totals["tasks"]!.GetValue<int>(), totals["submitted"]!.GetValue<int>(), totals["accepted"]!.GetValue<int>(),
            totals["skipped"]!.GetValue<int>(), totals["failed"]!.GetValue<int>()));

        var v2 = json["validators"]![0]!;
        Assert.Equal(2, v2["uid"]!.GetValue<int>());
        Assert.Equal((3, 2, 1), (v2["tasks"]!.GetValue<int>(), v2["submitted"]!.GetValue<int>(), v2["accepted"]!.GetValue<int>()));
        Assert.Equal(0.5, v2["acceptanceRate"]!.GetValue<double>());
        Assert.Equal(0.4, v2["averageScore"]!.GetValue<double>(), 12);
        Assert.Equal(15, v2["averageGenerationSeconds"]!.GetValue<double>());
        Assert.Equal(1490, v2["latestFeedback"]!["currentDuelRating"]!.GetValue<double>());

        var v7 = json["validators"]![1]!;
        Assert.Equal((7, 1), (v7["uid"]!.GetValue<int>(), v7["failed"]!.GetValue<int>()));
        Assert.Null(v7["averageScore"]);
        Assert.Null(v7["latestFeedback"]);

        var unfinished = Assert.Single(json["unfinished"]!.AsArray());
        Assert.Equal(("e", "Pulled"), (unfinished!["taskId"]!.GetValue<string>(), unfinished["status"]!.GetValue<string>()));
        var recent = json["recent"]!.AsArray();
        Assert.Equal(["e", "d"], recent.Select(r => r!["taskId"]!.GetValue<string>()));
        Assert.Equal("no feedback: 408 timeout", recent[1]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void Text_status_is_a_table_per_validator()
    {
        var folder = WriteJournal(_root.File("state"));
        var text = CliRun.Expect(0, "miner", "status", "--neuron.full_path", folder).Out;
        Assert.Contains("5 tasks, 2 submitted, 1 accepted (50.0 %)", text);
        Assert.Contains("1 unfinished task(s):", text);
        Assert.Contains("score 0.000, EMA 0.770, window 3, rating 1490.0, reward 4470.0", text);
        Assert.DoesNotContain("iVBORw0KGgo=", text);
    }

    [Fact]
    public void Default_state_folder_follows_wallet_hotkey_and_netuid()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var wallet = new Neuron3D.Bittensor.Wallets.Wallet("miner", "hot1", _root.Root);
        Assert.Equal(Path.Combine(home, ".bittensor", "miners", "miner", "hot1", "netuid17"), MinerCommands.StateFolder(null, wallet, 17));
        Assert.Equal(Path.GetFullPath("/srv/state"), MinerCommands.StateFolder("/srv/state", wallet, 17));
    }

    [Fact]
    public void A_missing_journal_is_reported_not_created()
    {
        var folder = _root.File("nothing-here");
        var result = CliRun.Expect(ExitCodes.BadInput, "miner", "status", "--neuron.full_path", folder);
        Assert.Contains($"no miner journal at {Path.Combine(folder, "journal.db")}", result.Error);
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Dispose();
    }
}
