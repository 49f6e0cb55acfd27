using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Rendering;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Generation;
using Neuron3D.Generation.Backends;
using Neuron3D.Generation.Output;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d generate …</c>: text-to-3D on the CPU (procedural, deterministic), a batch mode with a contact sheet,
/// and a server that offers the generator with the SN17 generation-service API.
/// </summary>
public static class GenerateCommands
{
    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web);

    /// <summary>The <c>generate</c> command group (a prompt argument generates one asset).</summary>
    public static Command Create()
    {
        var command = new Command("generate", """
            Generate a 3D asset from a text prompt on the CPU: a watertight mesh (-o: .glb, .obj or .ply), Gaussian
            splats (--splats: .spz or .ply), a preview render (--preview .png) and a Three.js module in the SN17 2026
            format (--threejs .js). The same prompt and seed always give the same files.

            Examples:
              neuron3d generate "a medieval wooden bridge with moss" -o bridge.glb --splats bridge.spz --preview bridge.png
              neuron3d generate "a red sports car" -o car.glb --threejs car.js --seed 7 --json
              neuron3d generate batch prompts.txt -o out/
              neuron3d generate serve --port 8093
            """);
        var prompt = new Argument<string>("PROMPT") { Description = "What to generate, e.g. \"a wooden rocking chair\"." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Mesh file (.glb, .obj or .ply).", HelpName = "file" };
        var splats = new Option<FileInfo>("--splats") { Description = "Splat file (.spz or .ply, the SN17 3DGS layout).", HelpName = "file" };
        var preview = new Option<FileInfo>("--preview") { Description = "Preview render (.png).", HelpName = "file" };
        var threeJs = new Option<FileInfo>("--threejs") { Description = "Three.js ES module (.js), SN17 2026 format.", HelpName = "file" };
        var seed = SeedOption();
        command.Arguments.Add(prompt);
        command.Options.Add(output);
        command.Options.Add(splats);
        command.Options.Add(preview);
        command.Options.Add(threeJs);
        command.Options.Add(seed);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var outputs = new[] { pr.GetValue(output), pr.GetValue(splats), pr.GetValue(preview), pr.GetValue(threeJs) };
            if (outputs.All(f => f is null)) throw new CliUsageException("name at least one output: -o mesh.glb, --splats, --preview or --threejs");
            var result = ProceduralGenerator.Default.Generate(pr.GetValue(prompt)!, pr.GetValue(seed));
            var written = new JsonArray();
            if (pr.GetValue(output) is { } mesh) written.Add(Write(mesh, AssetFile.WriteMesh(result.Mesh, Format(mesh, AssetFormat.Glb, AssetFormat.Obj, AssetFormat.Ply))));
            if (pr.GetValue(splats) is { } cloud) written.Add(Write(cloud, AssetFile.WriteSplats(result.Splats, Format(cloud, AssetFormat.Spz, AssetFormat.Ply))));
            if (pr.GetValue(preview) is { } png) written.Add(Write(png, Preview.Render(result.Splats).ToPng()));
            if (pr.GetValue(threeJs) is { } js) written.Add(Write(js, System.Text.Encoding.UTF8.GetBytes(result.ToThreeJs())));
            var meta = result.Metadata;
            if (context.Json)
            {
                var doc = JsonSerializer.SerializeToNode(meta, MetadataJson)!.AsObject();
                doc["files"] = written;
                context.WriteJson(doc);
            }
            else
            {
                context.Out.WriteLine($"{meta.Kind}{(meta.IsFallback ? " (fallback: no object kind matched)" : "")}: {meta.Triangles} triangles, {meta.Splats} splats, {result.Timings.Total.TotalMilliseconds:0} ms");
                if (meta.UnknownWords.Count > 0) context.Out.WriteLine($"not understood: {string.Join(", ", meta.UnknownWords)}");
                foreach (var file in written) context.Out.WriteLine($"wrote {file}");
            }
            return ExitCodes.Success;
        });
        command.Subcommands.Add(BatchCommand());
        command.Subcommands.Add(ServeCommand());
        return command;
    }

    private static Option<long> SeedOption() =>
        new("--seed") { Description = "Seed: the same prompt and seed give the same asset; other seeds give variations.", DefaultValueFactory = _ => 0, HelpName = "n" };

    private static Command BatchCommand()
    {
        var command = new Command("batch", """
            Generate one asset per line of a prompts file (blank lines and # comments skipped) into a folder:
            NNN.glb, NNN.spz and NNN.js per prompt, contact-sheet.png (previews captioned with their prompts) and
            report.json (kind, fallback flag, counts and timings per prompt, with matched/fallback totals).
            """);
        var file = new Argument<FileInfo>("PROMPTS") { Description = "Text file, one prompt per line." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder (created if missing).", HelpName = "dir", Required = true };
        var seed = SeedOption();
        var columns = new Option<int>("--columns") { Description = "Contact sheet columns.", DefaultValueFactory = _ => 10, HelpName = "n" };
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(columns);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var source = pr.GetValue(file)!;
            if (!source.Exists) throw new CliUsageException($"prompts file not found: {source.FullName}");
            var prompts = File.ReadAllLines(source.FullName).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
            if (prompts.Length == 0) throw new CliUsageException($"{source.FullName} holds no prompts");
            if (pr.GetValue(columns) < 1) throw new CliUsageException("--columns must be at least 1");
            var dir = pr.GetValue(output)!;
            dir.Create();
            var cells = new List<(RenderImage, string)>();
            var entries = new JsonArray();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < prompts.Length; i++)
            {
                var result = ProceduralGenerator.Default.Generate(prompts[i], pr.GetValue(seed));
                var stem = Path.Combine(dir.FullName, (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
                File.WriteAllBytes(stem + ".glb", result.ToGlb());
                File.WriteAllBytes(stem + ".spz", result.ToSpz());
                File.WriteAllText(stem + ".js", result.ToThreeJs());
                cells.Add((Preview.Render(result.Splats, 160), prompts[i]));
                var entry = JsonSerializer.SerializeToNode(result.Metadata, MetadataJson)!.AsObject();
                entry["file"] = Path.GetFileName(stem);
                entries.Add(entry);
                context.Error.Write($"\r[{Bar(i + 1, prompts.Length)}] {i + 1}/{prompts.Length} {Truncate(prompts[i], 40),-40}");
            }
            context.Error.WriteLine();
            File.WriteAllBytes(Path.Combine(dir.FullName, "contact-sheet.png"), Preview.ContactSheet(cells, pr.GetValue(columns)).ToPng());
            var fallbacks = entries.Count(e => e!["isFallback"]!.GetValue<bool>());
            var report = new JsonObject
            {
                ["prompts"] = prompts.Length,
                ["matched"] = prompts.Length - fallbacks,
                ["fallback"] = fallbacks,
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
                ["assets"] = entries,
            };
            File.WriteAllText(Path.Combine(dir.FullName, "report.json"), report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (context.Json) context.WriteJson(report);
            else context.Out.WriteLine($"{prompts.Length} assets ({prompts.Length - fallbacks} matched, {fallbacks} fallback) in {dir.FullName}; contact-sheet.png and report.json written");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ServeCommand()
    {
        var command = new Command("serve", """
            Serve the built-in generator with the SN17 generation-service API (POST /generate/ with form field
            'prompt', optional 'seed'; answers a binary 3DGS PLY), so other miners can use it. Stops on Ctrl+C.
            """);
        var port = new Option<int>("--port") { Description = "TCP port.", DefaultValueFactory = _ => 8093, HelpName = "port" };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 for all interfaces).", DefaultValueFactory = _ => "127.0.0.1", HelpName = "ip" };
        var timeout = new Option<double>("--timeout") { Description = "Time limit per generation, seconds.", DefaultValueFactory = _ => 60.0, HelpName = "seconds" };
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(timeout);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            if (!IPAddress.TryParse(pr.GetValue(host), out var address)) throw new CliUsageException($"--host is not an IP address: {pr.GetValue(host)}");
            if (pr.GetValue(port) is < 0 or > 65535) throw new CliUsageException("--port must be 0–65535");
            if (!(pr.GetValue(timeout) > 0)) throw new CliUsageException("--timeout must be a positive number of seconds");
            var options = new GenerationServerOptions { Address = address, Port = pr.GetValue(port), GenerationTimeout = TimeSpan.FromSeconds(pr.GetValue(timeout)) };
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            ServeAsync(context, options, stop.Token).GetAwaiter().GetResult();
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task ServeAsync(CliContext context, GenerationServerOptions options, CancellationToken stop)
    {
        await using var server = await GenerationServer.StartAsync(new ProceduralBackend(), options, stop).ConfigureAwait(false);
        context.Error.WriteLine($"serving POST {server.Address}generate/ (Ctrl+C stops)");
        await server.WaitForShutdownAsync(stop).ConfigureAwait(false);
    }

    private static AssetFormat Format(FileInfo file, params AssetFormat[] allowed)
    {
        var ext = file.Extension.TrimStart('.').ToLowerInvariant();
        foreach (var format in allowed)
            if (format.ToString().Equals(ext, StringComparison.OrdinalIgnoreCase)) return format;
        throw new CliUsageException($"{file.Name}: use one of {string.Join(", ", allowed.Select(a => "." + a.ToString().ToLowerInvariant()))}");
    }

    private static string Write(FileInfo file, byte[] bytes)
    {
        file.Directory?.Create();
        File.WriteAllBytes(file.FullName, bytes);
        return file.FullName;
    }

    private static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = done * width / total;
        return new string('#', filled) + new string('.', width - filled);
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..(length - 1)] + "…";
}
