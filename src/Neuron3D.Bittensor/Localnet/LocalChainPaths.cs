namespace Neuron3D.Bittensor.Localnet;

/// <summary>
/// Default folders of the local chain: the read-only source (<c>shared/localchain</c> beside the repository, or
/// $NEURON3D_LOCALCHAIN) and the writable work copy (<c>artifacts/localchain</c> in the repository, else
/// <c>~/.neuron3d/localchain</c>). The repository is the first folder holding Neuron3D.slnx above the current
/// directory or the executable.
/// </summary>
public static class LocalChainPaths
{
    /// <summary>Environment variable naming the localchain source folder explicitly.</summary>
    public const string SourceVariable = "NEURON3D_LOCALCHAIN";

    /// <summary>Environment variable naming the shared reference folder (its <c>localchain</c> subfolder is the source).</summary>
    public const string SharedVariable = "NEURON3D_SHARED";

    private const string SolutionFile = "Neuron3D.slnx";

    /// <summary>The repository root (folder with Neuron3D.slnx) above the current directory or the executable, or null.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in SearchStarts())
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
        return null;
    }

    /// <summary>
    /// The localchain folder to copy: $NEURON3D_LOCALCHAIN, else $NEURON3D_SHARED/localchain, else the first
    /// <c>shared/localchain</c> holding start.sh in the current directory, the executable's folder or a folder above
    /// them (the repository's <c>../shared/localchain</c> is one of those).
    /// </summary>
    /// <exception cref="LocalChainFolderNotFoundException">None of them holds start.sh.</exception>
    public static string FindSourceDirectory()
    {
        if (Environment.GetEnvironmentVariable(SourceVariable) is { Length: > 0 } explicitPath)
            return RequireSource(explicitPath, $"${SourceVariable}");
        if (Environment.GetEnvironmentVariable(SharedVariable) is { Length: > 0 } shared)
            return RequireSource(Path.Combine(shared, "localchain"), $"${SharedVariable}/localchain");

        var searched = new List<string>();
        foreach (var start in SearchStarts())
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "localchain");
                if (searched.Contains(candidate)) continue;
                searched.Add(candidate);
                if (IsSource(candidate)) return candidate;
            }
        throw new LocalChainFolderNotFoundException(
            $"no localchain folder (shared/localchain with start.sh) above {string.Join(" or ", SearchStarts())}; " +
            $"pass its path (--localchain.path) or set ${SourceVariable}", searched);
    }

    /// <summary>Checks that <paramref name="path"/> is a localchain folder and returns its full path.</summary>
    /// <exception cref="LocalChainFolderNotFoundException">It does not exist or lacks start.sh.</exception>
    public static string RequireSource(string path, string origin)
    {
        var full = Path.GetFullPath(path);
        if (!IsSource(full))
            throw new LocalChainFolderNotFoundException(
                Directory.Exists(full)
                    ? $"{full} ({origin}) is not a localchain folder: it has no start.sh"
                    : $"the localchain folder {full} ({origin}) does not exist", [full]);
        return full;
    }

    /// <summary>The work copy: artifacts/localchain in the repository, else ~/.neuron3d/localchain.</summary>
    public static string DefaultWorkDirectory() =>
        FindRepositoryRoot() is { } root
            ? Path.Combine(root, "artifacts", "localchain")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".neuron3d", "localchain");

    private static bool IsSource(string path) => File.Exists(Path.Combine(path, "start.sh"));

    private static IEnumerable<string> SearchStarts() =>
        new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }.Select(Path.GetFullPath).Distinct();
}
