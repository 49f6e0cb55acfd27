using System.CommandLine;
using System.Text.Json.Nodes;

namespace Neuron3D.Cli.Tests;

/// <summary>What one in-process `neuron3d` invocation returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("no JSON on stdout");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the real command tree in-process, exactly as Main does, with stdout and stderr captured.</summary>
internal static class CliRun
{
    public static CliResult Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts the exit code, showing everything printed when it differs.</summary>
    public static CliResult Expect(int exitCode, params string[] args)
    {
        var result = Invoke(args);
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}, got {result}");
        return result;
    }
}

/// <summary>A fresh wallets root under the temp folder, deleted on dispose.</summary>
internal sealed class TempWallets : IDisposable
{
    public TempWallets() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "neuron3d-cli-" + Guid.NewGuid().ToString("N"));

    public string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The common flags that point a command at this root and wallet.</summary>
    public string[] Args(string wallet, string hotkey = "default") => ["--wallet.path", Root, "--wallet.name", wallet, "--wallet.hotkey", hotkey];

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
