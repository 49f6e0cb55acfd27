using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Neuron3D.Testing;

/// <summary>
/// Runs an independent JavaScript peer (a script under tools/js, with its npm packages) as a child process:
/// JSON in on stdin, JSON out on stdout. Differential tests use it to compare our bytes with another implementation's.
/// </summary>
internal static class NodePeer
{
    /// <summary>Runs <paramref name="script"/> (relative to tools/js) with <paramref name="input"/> as JSON on stdin.</summary>
    public static JsonNode Run(string script, object input, TimeSpan? timeout = null)
    {
        var scriptPath = Path.Combine(RepoPaths.JsTools, script);
        if (!File.Exists(scriptPath)) throw new FileNotFoundException("JS peer script missing", scriptPath);
        if (!Directory.Exists(Path.Combine(RepoPaths.JsTools, "node_modules")))
            throw new InvalidOperationException("tools/js/node_modules is missing: run `npm ci` in tools/js (bash .ci/run does).");

        var psi = new ProcessStartInfo("node", [scriptPath])
        {
            WorkingDirectory = RepoPaths.JsTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node {script} exited {process.ExitCode}: {stderr.Result}");
        return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException($"node {script} printed no JSON");
    }
}
