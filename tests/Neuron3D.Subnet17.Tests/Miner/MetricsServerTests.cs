using System.Net;
using Neuron3D.Subnet17.Hosting;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Miner;

/// <summary>/metrics over a real socket, parsed as Prometheus text format 0.0.4 by a strict line parser.</summary>
public sealed class MetricsServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-metrics-").FullName;

    [Fact]
    public async Task Metrics_are_served_as_prometheus_text_with_counters_and_journal_gauges()
    {
        using var journal = new MinerJournal(Path.Combine(_dir, "journal.db"));
        journal.Pulled(new Sn17Task("t1", TaskKind.Text, "a chair"), 3, "5Validator3", 100);
        journal.Generated("t1", "5Validator3", 12.5, "ab", 10);
        journal.Submitted("t1", "5Validator3", 113);
        journal.Scored("t1", "5Validator3", new Feedback(false, 0.8, 0.9, 7, 1510.5, 10573.5));
        journal.Pulled(new Sn17Task("t2", TaskKind.Text, "a lamp"), 3, "5Validator3", 200);
        journal.Pulled(new Sn17Task("t3", TaskKind.Text, "a \"quoted\" prompt"), 5, "5Val\"5", 300);
        var counters = new MinerCounters();

        await using var server = new MetricsServer(() => MinerMetrics.Render(counters, journal), 0);
        await server.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync($"http://127.0.0.1:{server.Port}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var samples = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());

        double Value(string name, string? uid = null) => Assert.Single(samples, s => s.Name == name && (uid is null || s.Labels["uid"] == uid)).Value;
        Assert.Equal(0, Value("neuron3d_miner_pulls_total"));
        Assert.Equal(2, Value("neuron3d_miner_unfinished_tasks"));
        Assert.Equal(2, Value("neuron3d_miner_validator_tasks", "3"));
        Assert.Equal(1, Value("neuron3d_miner_validator_accepted", "3"));
        Assert.Equal(1.0, Value("neuron3d_miner_validator_acceptance_ratio", "3"));
        Assert.Equal(0.8, Value("neuron3d_miner_validator_average_score", "3"));
        Assert.Equal(12.5, Value("neuron3d_miner_validator_average_generation_seconds", "3"));
        Assert.Equal(1510.5, Value("neuron3d_miner_validator_duel_rating", "3"));
        Assert.Equal(7, Value("neuron3d_miner_validator_window_generations", "3"));
        Assert.Equal("5Val\"5", Assert.Single(samples, s => s.Name == "neuron3d_miner_validator_tasks" && s.Labels["uid"] == "5").Labels["hotkey"]);
        Assert.DoesNotContain(samples, s => s.Name == "neuron3d_miner_validator_average_score" && s.Labels["uid"] == "5");
    }

    [Fact]
    public async Task Other_paths_are_404_and_a_failing_render_is_a_500_not_a_dead_server()
    {
        var fail = false;
        await using var server = new MetricsServer(() => fail ? throw new IOException("disk gone") : "x 1\n", 0);
        await server.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/")).StatusCode);
        fail = true;
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync($"http://127.0.0.1:{server.Port}/metrics")).StatusCode);
        fail = false;
        Assert.Equal("x 1\n", await http.GetStringAsync($"http://127.0.0.1:{server.Port}/metrics"));
    }

    [Fact]
    public void Label_values_and_special_numbers_are_escaped_as_the_format_requires()
    {
        var text = new PrometheusText()
            .Gauge("g", "help with \\ and\nnewline", double.NaN, ("l", "a\\b\"c\nd"))
            .Gauge("g", "ignored second help", double.PositiveInfinity)
            .Counter("c_total", "c", 1e-7)
            .ToString();
        Assert.Equal("""
            # HELP g help with \\ and\nnewline
            # TYPE g gauge
            g{l="a\\b\"c\nd"} NaN
            g +Inf
            # HELP c_total c
            # TYPE c_total counter
            c_total 1E-07

            """.Replace("\r\n", "\n"), text);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
