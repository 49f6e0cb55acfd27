using Neuron3D.Bittensor.Localnet;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Localnet;

/// <summary>Where the launcher finds the localchain folder and puts its work copy. Changes environment variables, so it runs alone.</summary>
[Collection(LocalChainTests.Serial.Name)]
public sealed class LocalChainPathsTests
{
    [Fact]
    public void The_repository_and_its_shared_localchain_are_found_from_the_test_folder()
    {
        using var _ = new EnvironmentVariable(LocalChainPaths.SourceVariable, null);
        Assert.Equal(RepoPaths.Root, LocalChainPaths.FindRepositoryRoot());
        Assert.Equal(Path.Combine(RepoPaths.Root, "artifacts", "localchain"), LocalChainPaths.DefaultWorkDirectory());
        Assert.Equal(Path.GetFullPath(RepoPaths.SharedFile("localchain")), Path.GetFullPath(LocalChainPaths.FindSourceDirectory()));
    }

    [Fact]
    public void NEURON3D_LOCALCHAIN_names_the_folder_and_a_wrong_value_is_reported_as_such()
    {
        using var folder = new FakeLocalChainFolder("");
        using (new EnvironmentVariable(LocalChainPaths.SourceVariable, folder.Source))
            Assert.Equal(folder.Source, LocalChainPaths.FindSourceDirectory());

        var missing = Path.Combine(folder.Root, "nowhere");
        using (new EnvironmentVariable(LocalChainPaths.SourceVariable, missing))
        {
            var error = Assert.Throws<LocalChainFolderNotFoundException>(LocalChainPaths.FindSourceDirectory);
            Assert.Contains("$NEURON3D_LOCALCHAIN", error.Message);
            Assert.Contains(missing, error.Message);
        }

        // A folder without start.sh is not taken for one.
        File.Delete(Path.Combine(folder.Source, "start.sh"));
        var notOne = Assert.Throws<LocalChainFolderNotFoundException>(() => LocalChainPaths.RequireSource(folder.Source, "test"));
        Assert.Contains("has no start.sh", notOne.Message);
    }

    /// <summary>Sets (or removes) an environment variable for one test and restores it.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
