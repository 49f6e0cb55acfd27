using System.Text;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class WalletTests : IDisposable
{
    private const string BtwalletMnemonic = "old leopard transfer rib spatial phone calm indicate online fire caution review";
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private Wallet Open(string name = "w", string hotkey = "default") =>
        new(name, hotkey, _root.Path, _ => null) { KdfCost = KeyfileEncryptionTests.CheapCost };

    private static string PublicFile(string publicHex, string address) =>
        $"{{\"accountId\":\"0x{publicHex}\",\"publicKey\":\"0x{publicHex}\",\"ss58Address\":\"{address}\"}}";

    /// <summary>Spec §3.7 keys, regenerated from each kind of source: the public files must hold exactly the spec's public data.</summary>
    public static TheoryData<string, Func<KeySource>, string, string> SpecKeys => new()
    {
        { "dev phrase", () => KeySource.FromMnemonic(KeyfileDataTests.DevPhrase), "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV" },
        { "btwallet test mnemonic", () => KeySource.FromMnemonic(BtwalletMnemonic), "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX" },
        { "//Alice", () => KeySource.FromUri("//Alice"), "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { "//Alice//stash", () => KeySource.FromUri("//Alice//stash"), "be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f", "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY" },
        { "//Bob mini secret seed", () => KeySource.FromSeed("0x398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89"), "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty" },
        { "btwallet 64-byte seed", () => KeySource.FromSeed("0x1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e"), "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX" },
    };

    [Theory, MemberData(nameof(SpecKeys))]
    public void Regenerated_keys_write_the_spec_public_data(string _, Func<KeySource> source, string publicHex, string address)
    {
        var wallet = Open();
        Assert.Equal(address, wallet.RegenerateColdkey(source(), password: null));
        Assert.Equal(address, wallet.RegenerateHotkey(source()));
        Assert.Equal(PublicFile(publicHex, address), File.ReadAllText(wallet.ColdkeyPubFile.Path));
        Assert.Equal(PublicFile(publicHex, address), File.ReadAllText(wallet.HotkeyPubFile.Path));
        using var cold = wallet.GetColdkey();
        using var hot = wallet.GetHotkey();
        Assert.Equal(publicHex, Convert.ToHexStringLower(cold.PublicKey));
        Assert.Equal(publicHex, Convert.ToHexStringLower(hot.PublicKey));
        Assert.Equal(address, wallet.GetColdkeyAddress());
        Assert.Equal(address, wallet.GetHotkeyAddress());
    }

    [Fact]
    public void Hotkey_from_the_dev_phrase_is_the_spec_example_file()
    {
        var wallet = Open();
        wallet.RegenerateHotkey(KeySource.FromMnemonic(KeyfileDataTests.DevPhrase));
        Assert.Equal(KeyfileDataTests.SpecExample, File.ReadAllText(wallet.HotkeyFile.Path));
    }

    [Fact]
    public void Uri_keys_store_no_phrase_or_seed_and_seed_keys_store_the_seed()
    {
        var wallet = Open();
        wallet.RegenerateHotkey(KeySource.FromUri("//Alice"));
        var fromUri = wallet.HotkeyFile.Read();
        Assert.Null(fromUri.SecretPhrase);
        Assert.Null(fromUri.SecretSeed);
        Assert.Equal("0x33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011", fromUri.PrivateKey);

        wallet.RegenerateColdkey(KeySource.FromSeed("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"));
        Assert.Equal("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", wallet.ColdkeyFile.Read().SecretSeed);
    }

    [Fact]
    public void New_encrypted_coldkey_loads_back_and_its_mnemonic_regenerates_it()
    {
        var wallet = Open();
        var created = wallet.CreateNewColdkey(24, "pass word");
        Assert.Equal(24, created.Mnemonic.Split(' ').Length);
        Assert.Equal(KeyfileFormat.NaCl, wallet.ColdkeyFile.Format);
        Assert.Equal(KeyfileFormat.Plaintext, wallet.ColdkeyPubFile.Format);
        Assert.Throws<KeyfilePasswordRequiredException>(() => wallet.ColdkeyFile.Read(null, _ => null));
        using (var cold = wallet.GetColdkey("pass word"))
            Assert.Equal(created.Ss58Address, cold.Ss58Address);
        Assert.Equal(created.Ss58Address, wallet.GetColdkeyAddress());
        Assert.DoesNotContain(created.Mnemonic, created.ToString());

        var again = Open("again");
        Assert.Equal(created.Ss58Address, again.RegenerateColdkey(KeySource.FromMnemonic(created.Mnemonic)));
    }

    [Fact]
    public void New_hotkey_is_plaintext_by_default()
    {
        var wallet = Open(hotkey: "h1");
        var created = wallet.CreateNewHotkey();
        Assert.Equal(12, created.Mnemonic.Split(' ').Length);
        Assert.Equal(KeyfileFormat.Plaintext, wallet.HotkeyFile.Format);
        Assert.Equal(created.Mnemonic, wallet.HotkeyFile.Read().SecretPhrase);
        using var hot = wallet.GetHotkey();
        Assert.Equal(created.Ss58Address, hot.Ss58Address);
    }

    [Fact]
    public void Nothing_is_overwritten_without_the_flag_and_nothing_half_written()
    {
        var wallet = Open();
        wallet.RegenerateColdkey(KeySource.FromUri("//Alice"));
        var coldkeyBefore = File.ReadAllBytes(wallet.ColdkeyFile.Path);
        Assert.Throws<KeyfileExistsException>(() => wallet.RegenerateColdkey(KeySource.FromUri("//Bob")));
        Assert.Throws<KeyfileExistsException>(() => wallet.CreateNewColdkey());
        Assert.Throws<KeyfileExistsException>(() => wallet.RegenerateColdkeyPub(new byte[32]));
        Assert.Equal(coldkeyBefore, File.ReadAllBytes(wallet.ColdkeyFile.Path));

        Assert.Equal("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", wallet.RegenerateColdkey(KeySource.FromUri("//Bob"), overwrite: true));
        Assert.Equal("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", wallet.GetColdkeyAddress());

        // A watch-only coldkeypub.txt blocks a coldkey regen before the coldkey file is written.
        var watch = Open("watch");
        watch.RegenerateColdkeyPub(Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
        var error = Assert.Throws<KeyfileExistsException>(() => watch.RegenerateColdkey(KeySource.FromUri("//Bob")));
        Assert.Equal(watch.ColdkeyPubFile.Path, error.KeyfilePath);
        Assert.False(watch.ColdkeyFile.Exists);
    }

    [Fact]
    public void Watch_only_coldkeypub_from_a_public_key()
    {
        var wallet = Open();
        var address = wallet.RegenerateColdkeyPub(Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"));
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", address);
        Assert.True(wallet.HasColdkey);
        Assert.False(wallet.ColdkeyFile.Exists);
        Assert.Throws<KeyfileNotFoundException>(() => wallet.GetColdkey());
    }

    [Theory]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")]
    [InlineData(" 0xD43593C715FDD31C61141ABD04A99FD6822C8558854CCDE39A5684E7A56DA27D ")]
    public void Coldkeypub_from_address_or_public_key_text(string text)
    {
        var wallet = Open();
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", wallet.RegenerateColdkeyPub(text));
        Assert.Equal(
            "{\"accountId\":\"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\",\"publicKey\":\"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\",\"ss58Address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"}",
            File.ReadAllText(wallet.ColdkeyPubFile.Path));
    }

    [Theory]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")]
    [InlineData("0xd43593c7")]
    [InlineData("0xg43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")]
    [InlineData("")]
    public void Bad_address_or_public_key_text_is_a_typed_error(string text)
    {
        Assert.Throws<WalletInputException>(() => Wallet.ParsePublicKey(text));
        Assert.Throws<WalletInputException>(() => Open().RegenerateColdkeyPub(text));
        Assert.False(Open().ColdkeyPubFile.Exists);
    }

    [Fact]
    public void Names_and_root_come_from_bt_wallet_variables_then_defaults()
    {
        var env = new Dictionary<string, string> { ["BT_WALLET_PATH"] = _root.Path, ["BT_WALLET_NAME"] = "envname", ["BT_WALLET_HOTKEY"] = "envhot" };
        var fromEnv = new Wallet(null, null, null, env.GetValueOrDefault);
        Assert.Equal((_root.Path, "envname", "envhot"), (fromEnv.Root, fromEnv.Name, fromEnv.HotkeyName));
        Assert.Equal(Path.Combine(_root.Path, "envname", "hotkeys", "envhot"), fromEnv.HotkeyFile.Path);

        var explicitWins = new Wallet("n", "h", "/x", env.GetValueOrDefault);
        Assert.Equal(("/x", "n", "h"), (explicitWins.Root, explicitWins.Name, explicitWins.HotkeyName));

        var defaults = new Wallet(null, null, null, _ => null);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(home + "/.bittensor/wallets/", defaults.Root);
        Assert.Equal(Path.Combine(home, ".bittensor", "wallets", "default", "coldkey"), defaults.ColdkeyFile.Path);
        Assert.Equal(Path.Combine(home, ".bittensor", "wallets", "default", "hotkeys", "defaultpub.txt"), defaults.HotkeyPubFile.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    public void Names_that_would_escape_the_wallet_folder_are_rejected(string name)
    {
        Assert.Throws<WalletInputException>(() => new Wallet(name, "h", _root.Path));
        Assert.Throws<WalletInputException>(() => new Wallet("w", name, _root.Path));
    }

    [Fact]
    public void Listing_shows_wallets_hotkeys_and_public_addresses()
    {
        var a = Open("alice", "default");
        a.RegenerateColdkey(KeySource.FromUri("//Alice"));
        a.RegenerateHotkey(KeySource.FromUri("//Alice//stash"));
        Open("alice", "bob").RegenerateHotkey(KeySource.FromUri("//Bob"));
        var locked = Open("alice", "locked");
        locked.RegenerateHotkey(KeySource.FromUri("//Charlie"), password: "pw");
        File.Delete(locked.HotkeyPubFile.Path); // an encrypted hotkey without a pub file: address unknown
        Open("watch").RegenerateColdkeyPub(Ss58.Decode("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"));
        Directory.CreateDirectory(_root.Combine("empty"));

        var wallets = Wallet.List(_root.Path);
        Assert.Equal(["alice", "empty", "watch"], wallets.Select(w => w.Name));
        var alice = wallets[0];
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", alice.ColdkeyAddress);
        Assert.Equal(
            [new HotkeySummary("bob", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"),
             new HotkeySummary("default", "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY"),
             new HotkeySummary("locked", null)],
            alice.Hotkeys);
        Assert.Null(wallets[1].ColdkeyAddress);
        Assert.Empty(wallets[1].Hotkeys);
        Assert.Equal("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", wallets[2].ColdkeyAddress);
        Assert.Empty(Wallet.List(_root.Combine("missing")));
    }

    [Fact]
    public void Bad_sources_are_typed_errors()
    {
        Assert.Throws<MnemonicException>(() => KeySource.FromMnemonic("bottom drive obey lake curtain smoke basket hold race lonely fit wall"));
        Assert.Throws<WalletInputException>(() => KeySource.FromSeed("0x1234"));
        Assert.Throws<WalletInputException>(() => KeySource.FromSeed("not hex at all"));
        Assert.Throws<KeyUriException>(() => Open().RegenerateHotkey(KeySource.FromUri("not a valid phrase//x")));
        Assert.DoesNotContain("Alice", KeySource.FromUri("//Alice").ToString());
    }
}
