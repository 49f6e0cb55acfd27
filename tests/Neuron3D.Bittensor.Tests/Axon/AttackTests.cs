using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>
/// Hostile requests against a real axon. Each asserts the exact status, that the handler never ran, and (where the
/// request got that far) that the rejection was logged with its reason, hotkey and IP.
/// </summary>
public sealed class AttackTests
{
    private static Task<AxonTestHost> StartDummyAxonAsync(AxonOptions? options = null, TimeProvider? clock = null) =>
        AxonTestHost.StartAsync((server, host) => server.Attach<Dummy>((synapse, _, _) =>
        {
            host.CountHandlerRun();
            return ValueTask.FromResult(synapse with { DummyOutput = synapse.DummyInput * 2 });
        }), options, clock);

    private static PreparedSynapseRequest Sign(AxonTestHost host, Sr25519Keypair key, long input = 5, string? axonHotkey = null, TimeProvider? clock = null)
    {
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(key), time: clock);
        return dendrite.Prepare(host.Target with { Hotkey = axonHotkey ?? host.Target.Hotkey }, new Dummy { DummyInput = input }, TimeSpan.FromSeconds(12));
    }

    private static async Task<string?> MessageOf(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["message"];

    [Fact]
    public async Task Replayed_nonce_is_401()
    {
        await using var host = await StartDummyAxonAsync();
        var prepared = Sign(host, DevKeys.Alice);
        using (var first = await host.SendAsync(prepared)) Assert.Equal(200, (int)first.StatusCode);
        using var replay = await host.SendAsync(prepared);
        Assert.Equal(401, (int)replay.StatusCode);
        Assert.Equal("Not Verified with error: Nonce is too old, a newer one was last processed", await MessageOf(replay));
        Assert.Equal(1, host.HandlerRuns);
        Assert.True(host.Logged("not verified"));
        Assert.True(host.Logged(DevKeys.AliceAddress));
        Assert.True(host.Logged("127.0.0.1"));
    }

    [Fact]
    public async Task Concurrent_replays_of_one_request_run_the_handler_once()
    {
        await using var host = await StartDummyAxonAsync();
        var prepared = Sign(host, DevKeys.Alice);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.SendAsync(prepared)));
        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        Assert.Equal(7, responses.Count(r => (int)r.StatusCode == 401));
        Assert.Equal(1, host.HandlerRuns);
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task Stale_first_nonce_is_401()
    {
        await using var host = await StartDummyAxonAsync();
        var past = new SettableClock(DateTimeOffset.UtcNow.AddSeconds(-17)); // window = 4 s + 12 s timeout
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice, clock: past));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.StartsWith("Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Nonce_far_in_the_future_is_401()
    {
        await using var host = await StartDummyAxonAsync();
        var future = new SettableClock(DateTimeOffset.UtcNow.AddMinutes(5));
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice, clock: future));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("in the future", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Tampered_body_is_500_with_an_error_id_only()
    {
        await using var host = await StartDummyAxonAsync();
        var prepared = Sign(host, DevKeys.Alice, input: 5);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(prepared.Body.Span).Replace("\"dummy_input\":5", "\"dummy_input\":6"));
        using var response = await host.SendAsync(prepared, body: tampered);
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Matches("^Internal Server Error #[0-9a-f-]{36}$", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
        Assert.True(host.Logged("body hash does not match"));
    }

    [Fact]
    public async Task Signature_by_another_key_is_401()
    {
        await using var host = await StartDummyAxonAsync();
        var prepared = Sign(host, DevKeys.Alice);
        var message = SynapseSignature.DendriteMessage(prepared.Synapse.Dendrite.Nonce!.Value, DevKeys.Alice.Ss58Address,
            DevKeys.Bob.Ss58Address, prepared.Synapse.Dendrite.Uuid!, prepared.BodyHash);
        var forged = "0x" + Convert.ToHexStringLower(DevKeys.Charlie.Sign(message));
        using var response = await host.SendAsync(prepared, new Dictionary<string, string?> { ["bt_header_dendrite_signature"] = forged });
        Assert.Equal(401, (int)response.StatusCode);
        Assert.StartsWith("Not Verified with error: Signature mismatch", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
        Assert.True(host.Logged("not verified: signature mismatch"));
        Assert.False(host.Logged(forged), "signatures stay out of the log");
    }

    [Fact]
    public async Task Request_signed_for_another_axon_hotkey_is_401()
    {
        await using var host = await StartDummyAxonAsync();
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice, axonHotkey: DevKeys.Charlie.Ss58Address));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains(DevKeys.BobAddress, await MessageOf(response)); // the message shows whom we verify for
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Missing_signature_is_401_unless_allowed()
    {
        await using var host = await StartDummyAxonAsync();
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice), new Dictionary<string, string?> { ["bt_header_dendrite_signature"] = null });
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Not Verified with error: missing signature", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);

        await using var permissive = await StartDummyAxonAsync(new AxonOptions { AllowUnsigned = true });
        using var allowed = await permissive.SendAsync(Sign(permissive, DevKeys.Alice), new Dictionary<string, string?> { ["bt_header_dendrite_signature"] = null });
        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.Equal(1, permissive.HandlerRuns);
    }

    [Fact]
    public async Task Unregistered_hotkey_is_403()
    {
        await using var host = await StartDummyAxonAsync();
        using var response = await host.SendAsync(Sign(host, DevKeys.Dave));
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("Forbidden. Key is blacklisted: hotkey not registered.", await MessageOf(response));
        Assert.Equal("403", Assert.Single(response.Headers.GetValues("bt_header_axon_status_code")));
        Assert.Equal(DevKeys.BobAddress, Assert.Single(response.Headers.GetValues("bt_header_axon_hotkey")));
        Assert.Equal(0, host.HandlerRuns);
        Assert.True(host.Logged("blacklisted: hotkey not registered"));
        Assert.True(host.Logged(DevKeys.Dave.Ss58Address));
    }

    [Fact]
    public async Task Stake_and_permit_requirements_are_403()
    {
        var directory = new AxonPeerDirectory([new AxonPeer(DevKeys.Charlie.Ss58Address, 2, 10, false)]);
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>((synapse, _, _) =>
        {
            h.CountHandlerRun();
            return ValueTask.FromResult(synapse);
        }), blacklist: new MetagraphBlacklist(directory) { MinStakeRao = 1_000, RequireValidatorPermit = true });
        using var response = await host.SendAsync(Sign(host, DevKeys.Charlie));
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("Forbidden. Key is blacklisted: stake below minimum.", await MessageOf(response));

        directory.Update([new AxonPeer(DevKeys.Charlie.Ss58Address, 2, 10_000, false)]);
        using var noPermit = await host.SendAsync(Sign(host, DevKeys.Charlie));
        Assert.Equal("Forbidden. Key is blacklisted: no validator permit.", await MessageOf(noPermit));
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Oversized_body_is_413_before_the_body_is_read()
    {
        await using var host = await StartDummyAxonAsync(new AxonOptions { MaxRequestBodySize = 1024 });
        var prepared = Sign(host, DevKeys.Alice);
        using var response = await host.SendAsync(prepared, body: new byte[4096]);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal(0, host.HandlerRuns);

        // Chunked (no Content-Length): Kestrel cuts the body at the same limit. Sent over a raw socket: the whole
        // request fits the send buffer, so the axon's early 413 and close cannot race the client's write (HttpClient
        // would report that race as a broken pipe instead of the answer).
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("127.0.0.1", host.Port);
        var stream = socket.GetStream();
        var head = new System.Text.StringBuilder("POST /Dummy HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
        foreach (var (name, value) in Sign(host, DevKeys.Alice).Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n").Append("1000\r\n").Append(new string('0', 4096)).Append("\r\n0\r\n\r\n");
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head.ToString()));
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer);
        Assert.StartsWith("HTTP/1.1 413", System.Text.Encoding.ASCII.GetString(answer, 0, read));
        Assert.Equal(0, host.HandlerRuns);
    }

    public static TheoryData<string, string?> MalformedHeaders => new()
    {
        { "bt_header_dendrite_nonce", "not-a-number" },
        { "bt_header_dendrite_version", "1e9" },
        { "timeout", "soon" },
        { "timeout", "-1.0" },
        { "timeout", "nan" },
        { "computed_body_hash", "XYZ" },
        { "bt_header_axon_port", "99999999999" },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task Malformed_headers_are_400(string header, string? value)
    {
        await using var host = await StartDummyAxonAsync();
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice), new Dictionary<string, string?> { [header] = value });
        Assert.Equal(400, (int)response.StatusCode);
        Assert.StartsWith($"Improperly formatted request: header '{header}'", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Duplicate_synapse_headers_are_400()
    {
        await using var host = await StartDummyAxonAsync();
        var prepared = Sign(host, DevKeys.Alice);
        // HttpClient folds repeated names into one line, so the request goes out by hand with two header lines.
        var extra = new[] { new KeyValuePair<string, string>("bt_header_dendrite_hotkey", DevKeys.Charlie.Ss58Address) };
        var response = await RawExchangeAsync(host, prepared, extra);
        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("{\"message\":\"Improperly formatted request: header 'bt_header_dendrite_hotkey' appears 2 times\"}", response);
        Assert.Equal(0, host.HandlerRuns);
    }

    /// <summary>Sends the prepared request byte by byte as given plus <paramref name="extraHeaders"/>; returns the raw answer.</summary>
    private static async Task<string> RawExchangeAsync(AxonTestHost host, PreparedSynapseRequest prepared, IEnumerable<KeyValuePair<string, string>> extraHeaders)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"POST {prepared.Url.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {prepared.Body.Length}\r\n");
        foreach (var (name, value) in prepared.Headers.Concat(extraHeaders)) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(prepared.Body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Unknown_route_is_404_listing_the_synapses()
    {
        await using var host = await StartDummyAxonAsync();
        using var response = await host.SendAsync(Sign(host, DevKeys.Alice), path: "/Nope");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Synapse name 'Nope' not found. Available synapses ['Synapse', 'Dummy']", await MessageOf(response));
        Assert.Equal(0, host.HandlerRuns);
        Assert.True(host.Logged("unknown synapse"));
    }

    [Fact]
    public async Task Slow_body_upload_is_cut_off_and_never_reaches_the_handler()
    {
        await using var host = await StartDummyAxonAsync(new AxonOptions
        {
            MinRequestBodyBytesPerSecond = 50_000,
            MinRequestBodyGracePeriod = TimeSpan.FromSeconds(2),
        });
        var prepared = Sign(host, DevKeys.Alice);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"POST /Dummy HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n");
        foreach (var (name, value) in prepared.Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        var answer = await TrickleUntilClosedAsync(stream, TimeSpan.FromSeconds(15));
        Assert.True(answer.Closed, "the server should drop a client uploading at ~100 B/s");
        if (answer.Response.Length > 0) Assert.StartsWith("HTTP/1.1 408", answer.Response);
        Assert.Equal(0, host.HandlerRuns);
    }

    [Fact]
    public async Task Slow_headers_are_cut_off()
    {
        await using var host = await StartDummyAxonAsync(new AxonOptions { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("POST /Dummy HTTP/1.1\r\nHost: x\r\n"u8.ToArray());
        var answer = await TrickleUntilClosedAsync(stream, TimeSpan.FromSeconds(15), "x-slow: 1\r\n"u8.ToArray());
        Assert.True(answer.Closed);
        if (answer.Response.Length > 0) Assert.StartsWith("HTTP/1.1 408", answer.Response);
        Assert.Equal(0, host.HandlerRuns);
    }

    /// <summary>Sends a few bytes every 100 ms until the server closes the connection; returns what it answered.</summary>
    private static async Task<(bool Closed, string Response)> TrickleUntilClosedAsync(NetworkStream stream, TimeSpan limit, byte[]? chunk = null)
    {
        chunk ??= "          "u8.ToArray();
        var received = new MemoryStream();
        var buffer = new byte[4096];
        var reading = stream.ReadAsync(buffer).AsTask();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (reading.IsCompleted)
            {
                int read;
                try { read = await reading; }
                catch (IOException) { return (true, Encoding.ASCII.GetString(received.ToArray())); }
                if (read == 0) return (true, Encoding.ASCII.GetString(received.ToArray()));
                received.Write(buffer, 0, read);
                reading = stream.ReadAsync(buffer).AsTask();
                continue;
            }
            try { await stream.WriteAsync(chunk); }
            catch (IOException) { return (true, Encoding.ASCII.GetString(received.ToArray())); }
            await Task.WhenAny(reading, Task.Delay(100));
        }
        return (false, Encoding.ASCII.GetString(received.ToArray()));
    }

    [Fact]
    public async Task Flood_from_one_hotkey_is_429_beyond_the_burst()
    {
        await using var host = await StartDummyAxonAsync(new AxonOptions { RateLimitPerHotkey = 0.5, RateLimitBurst = 5 });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var statuses = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = i }, TimeSpan.FromSeconds(12)));
            statuses.Add((int)response.StatusCode);
        }
        Assert.Equal([200, 200, 200, 200, 200, 429, 429, 429, 429, 429], statuses);
        Assert.Equal(5, host.HandlerRuns);

        // Another hotkey has its own budget.
        using var other = await host.SendAsync(Sign(host, DevKeys.Charlie));
        Assert.Equal(200, (int)other.StatusCode);
        Assert.True(host.Logged("rate limited"));
    }

    [Fact]
    public async Task Queue_overflow_is_503_and_queue_timeout_is_408()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>(async (synapse, _, _) =>
        {
            h.CountHandlerRun();
            entered.TrySetResult();
            await release.Task;
            return synapse;
        }), new AxonOptions { MaxWorkers = 1, MaxQueue = 1, HandlerTimeout = TimeSpan.FromSeconds(30) });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        PreparedSynapseRequest Next(double timeout = 30) => dendrite.Prepare(host.Target, new Dummy { DummyInput = 1 }, TimeSpan.FromSeconds(timeout));

        var running = host.SendAsync(Next());
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = host.SendAsync(Next());
        await Task.Delay(300); // let the second request take the only queue place
        using (var overflow = await host.SendAsync(Next()))
        {
            Assert.Equal(503, (int)overflow.StatusCode);
            Assert.Equal("Service unavailable: the request queue is full", await MessageOf(overflow));
        }
        Assert.Equal(1, host.HandlerRuns);

        release.SetResult();
        using (var first = await running) Assert.Equal(200, (int)first.StatusCode);
        using (var second = await queued) Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(2, host.HandlerRuns);
    }

    [Fact]
    public async Task A_request_whose_budget_ends_in_the_queue_is_408_and_never_runs()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>(async (synapse, _, _) =>
        {
            h.CountHandlerRun();
            await release.Task;
            return synapse;
        }), new AxonOptions { MaxWorkers = 1, MaxQueue = 4 });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var running = host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = 1 }, TimeSpan.FromSeconds(30)));
        while (host.HandlerRuns == 0) await Task.Delay(20);

        using (var late = await host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = 2 }, TimeSpan.FromSeconds(0.5))))
        {
            Assert.Equal(408, (int)late.StatusCode);
            Assert.Equal("Response timeout after: 0.5s", await MessageOf(late));
        }
        release.SetResult();
        using (await running) { }
        Assert.Equal(1, host.HandlerRuns);
    }

    [Fact]
    public async Task Handler_past_its_timeout_is_408_and_handler_exceptions_are_500_without_details()
    {
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>(async (synapse, _, token) =>
        {
            h.CountHandlerRun();
            if (synapse.DummyInput == 1) await Task.Delay(TimeSpan.FromSeconds(10), token);
            if (synapse.DummyInput == 2) throw new InvalidOperationException("secret database password is hunter2");
            return synapse;
        }), new AxonOptions { HandlerTimeout = TimeSpan.FromSeconds(1) });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));

        using var slow = await host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = 1 }, TimeSpan.FromSeconds(12)));
        Assert.Equal(408, (int)slow.StatusCode);
        Assert.Equal("Response timeout after: 12.0s", await MessageOf(slow));

        using var failing = await host.SendAsync(dendrite.Prepare(host.Target, new Dummy { DummyInput = 2 }, TimeSpan.FromSeconds(12)));
        Assert.Equal(500, (int)failing.StatusCode);
        var text = await failing.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("hunter2", string.Join("\n", failing.Headers.SelectMany(h => h.Value)));
        Assert.Matches("^Internal Server Error #[0-9a-f-]{36}$", await MessageOf(failing));
    }
}
