namespace Neuron3D.Testing;

/// <summary>
/// Locates the repository root and the read-only <c>../shared</c> folder (specs, fixtures, localchain, prompts)
/// from a test's working directory, so tests run the same from an IDE, `dotnet test` and CI.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Neuron3D.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Neuron3D.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Neuron3D.slnx).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The shared reference folder beside the repository (override with NEURON3D_SHARED).</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("NEURON3D_SHARED") is { Length: > 0 } s
            ? s
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    /// <summary>tools/js: the independent JavaScript peers (node_modules installed by .ci/run).</summary>
    public static string JsTools => Path.Combine(Root, "tools", "js");
}
