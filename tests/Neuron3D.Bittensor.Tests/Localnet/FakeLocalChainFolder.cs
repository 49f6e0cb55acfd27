using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Localnet;

/// <summary>
/// A localchain folder with the real start.sh and stop.sh from ../shared/localchain but a stand-in launch.cjs and
/// package.json, to drive the launcher's failure paths in seconds: a chain that exits, one that never answers, an
/// install that fails. Source and work folders live under the temp folder and are deleted on dispose.
/// </summary>
internal sealed class FakeLocalChainFolder : IDisposable
{
    public FakeLocalChainFolder(string launchScript, string packageJson = """{ "name": "fake-localchain", "private": true, "dependencies": {} }""")
    {
        Directory.CreateDirectory(Source);
        foreach (var script in new[] { "start.sh", "stop.sh" })
            File.Copy(RepoPaths.SharedFile("localchain", script), Path.Combine(Source, script));
        File.WriteAllText(Path.Combine(Source, "launch.cjs"), launchScript);
        File.WriteAllText(Path.Combine(Source, "package.json"), packageJson);
        File.WriteAllText(Path.Combine(Source, "subtensor-localnet-293.json"), "{}"); // start.sh requires the spec file to exist
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "neuron3d-localnet-" + Guid.NewGuid().ToString("N"));
    public string Source => Path.Combine(Root, "source");
    public string Work => Path.Combine(Root, "work");

    /// <summary>Processes whose command line mentions this folder (chopsticks stand-ins that were left running).</summary>
    public IReadOnlyList<int> ProcessesUsingFolder()
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var state = File.ReadAllText(Path.Combine(dir, "stat"));
                if (cmdline.Contains(Root, StringComparison.Ordinal) && state[(state.LastIndexOf(')') + 2)] != 'Z') found.Add(pid);
            }
            catch (IOException)
            {
                // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
                // another user's process
            }
        }
        return found;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
