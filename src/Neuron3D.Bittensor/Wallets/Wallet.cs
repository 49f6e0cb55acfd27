using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// A btcli wallet on disk (spec §2.1): <c>&lt;root&gt;/&lt;name&gt;/coldkey</c> (NaCl-encrypted by default),
/// <c>coldkeypub.txt</c>, <c>hotkeys/&lt;hotkey&gt;</c> (plaintext by default) and <c>hotkeys/&lt;hotkey&gt;pub.txt</c>.
/// Creating or regenerating a key writes the secret file and its public file; when overwriting is not requested and
/// either already exists, <see cref="KeyfileExistsException"/> is raised before anything is written.
/// </summary>
public sealed class Wallet
{
    /// <summary>
    /// A wallet by name, hotkey name and root folder; each null falls back to <c>BT_WALLET_NAME</c>,
    /// <c>BT_WALLET_HOTKEY</c>, <c>BT_WALLET_PATH</c>, then btcli's defaults (see <see cref="WalletPaths"/>).
    /// </summary>
    public Wallet(string? name = null, string? hotkey = null, string? path = null) : this(name, hotkey, path, null) { }

    internal Wallet(string? name, string? hotkey, string? path, Func<string, string?>? environment)
    {
        Name = CheckName(name ?? WalletPaths.DefaultWalletName(environment), "wallet name");
        HotkeyName = CheckName(hotkey ?? WalletPaths.DefaultHotkeyName(environment), "hotkey name");
        Root = WalletPaths.ExpandHome(path ?? WalletPaths.DefaultRoot(environment));
    }

    /// <summary>The wallet's name (its folder under <see cref="Root"/>).</summary>
    public string Name { get; }

    /// <summary>The selected hotkey's name (its file under <c>hotkeys/</c>).</summary>
    public string HotkeyName { get; }

    /// <summary>The wallets root folder, home-expanded.</summary>
    public string Root { get; }

    /// <summary>This wallet's folder.</summary>
    public string Folder => Path.Combine(Root, Name);

    /// <summary>Argon2i cost for new encrypted keyfiles; always the spec's outside in-process tests.</summary>
    internal Argon2iCost KdfCost { get; init; } = Argon2iCost.Spec;

    /// <summary><c>coldkey</c>: the full coldkey, normally encrypted.</summary>
    public Keyfile ColdkeyFile => File("coldkey");

    /// <summary><c>coldkeypub.txt</c>: the coldkey's public data.</summary>
    public Keyfile ColdkeyPubFile => File("coldkeypub.txt");

    /// <summary><c>hotkeys/&lt;hotkey&gt;</c>: the full hotkey, normally plaintext.</summary>
    public Keyfile HotkeyFile => File("hotkeys", HotkeyName);

    /// <summary><c>hotkeys/&lt;hotkey&gt;pub.txt</c>: the hotkey's public data.</summary>
    public Keyfile HotkeyPubFile => File("hotkeys", HotkeyName + "pub.txt");

    /// <summary>True when the coldkey or its public file exists (btcli's test before creating a coldkey).</summary>
    public bool HasColdkey => ColdkeyFile.Exists || ColdkeyPubFile.Exists;

    /// <summary>True when the selected hotkey or its public file exists.</summary>
    public bool HasHotkey => HotkeyFile.Exists || HotkeyPubFile.Exists;

    /// <summary>
    /// Generates a coldkey from a fresh <paramref name="words"/>-word mnemonic and writes coldkey (encrypted with
    /// <paramref name="password"/>, plaintext when null) and coldkeypub.txt. The mnemonic is returned once, to be shown to the user.
    /// </summary>
    public GeneratedKey CreateNewColdkey(int words = 12, string? password = null, bool overwrite = false) =>
        CreateNew(ColdkeyFile, ColdkeyPubFile, words, password, overwrite);

    /// <summary>Generates a hotkey from a fresh mnemonic and writes the hotkey (plaintext unless a password is given) and its pub file.</summary>
    public GeneratedKey CreateNewHotkey(int words = 12, string? password = null, bool overwrite = false) =>
        CreateNew(HotkeyFile, HotkeyPubFile, words, password, overwrite);

    /// <summary>Regenerates the coldkey from a mnemonic, seed or URI; writes coldkey and coldkeypub.txt. Returns the SS58 address.</summary>
    public string RegenerateColdkey(KeySource source, string? password = null, bool overwrite = false) =>
        Regenerate(ColdkeyFile, ColdkeyPubFile, source, password, overwrite);

    /// <summary>Regenerates the hotkey from a mnemonic, seed or URI; writes the hotkey and its pub file. Returns the SS58 address.</summary>
    public string RegenerateHotkey(KeySource source, string? password = null, bool overwrite = false) =>
        Regenerate(HotkeyFile, HotkeyPubFile, source, password, overwrite);

    /// <summary>Writes coldkeypub.txt alone (a watch-only wallet) for a 32-byte public key. Returns the SS58 address.</summary>
    public string RegenerateColdkeyPub(ReadOnlySpan<byte> publicKey, bool overwrite = false)
    {
        var data = KeyfileData.FromPublicKey(publicKey);
        ColdkeyPubFile.Write(data, password: null, overwrite);
        return data.Ss58Address!;
    }

    /// <summary>
    /// Writes coldkeypub.txt alone from an SS58 address or a <c>0x</c> + 64-hex public key (btcli
    /// <c>regen-coldkeypub --ss58 / --public-key</c>). Returns the SS58 address.
    /// </summary>
    /// <exception cref="WalletInputException">Neither a valid SS58 address nor a 32-byte hex public key.</exception>
    public string RegenerateColdkeyPub(string ss58AddressOrPublicKeyHex, bool overwrite = false) =>
        RegenerateColdkeyPub(ParsePublicKey(ss58AddressOrPublicKeyHex), overwrite);

    /// <summary>The 32-byte public key named by an SS58 address (any prefix) or by <c>0x</c> + 64 hex digits.</summary>
    /// <exception cref="WalletInputException">Neither form is valid.</exception>
    public static byte[] ParsePublicKey(string ss58AddressOrPublicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(ss58AddressOrPublicKeyHex);
        var text = ss58AddressOrPublicKeyHex.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = new byte[Sr25519.PublicKeySize];
            return KeyfileData.TryParseHex(text, bytes, out var length) && length == bytes.Length
                ? bytes
                : throw new WalletInputException($"\"{text}\" is not a public key: expected 0x followed by {2 * Sr25519.PublicKeySize} hex digits.");
        }
        return Ss58.TryDecode(text, out var publicKey, out _) && publicKey.Length == Sr25519.PublicKeySize
            ? publicKey
            : throw new WalletInputException($"\"{text}\" is not a valid SS58 address (bad characters, length or checksum).");
    }

    /// <summary>Loads the full coldkey (password, else its BT_PW_ variable). The caller disposes the keypair.</summary>
    public Sr25519Keypair GetColdkey(string? password = null) => ColdkeyFile.Read(password).ToKeypair(ColdkeyFile.Path);

    /// <summary>Loads the full hotkey (password only if it is encrypted). The caller disposes the keypair.</summary>
    public Sr25519Keypair GetHotkey(string? password = null) => HotkeyFile.Read(password).ToKeypair(HotkeyFile.Path);

    /// <summary>The coldkey's SS58 address from coldkeypub.txt (no password needed).</summary>
    public string GetColdkeyAddress() => ColdkeyPubFile.Read().GetAddress(ColdkeyPubFile.Path);

    /// <summary>The hotkey's SS58 address from its pub file, else from the hotkey file (an encrypted one needs its BT_PW_ variable).</summary>
    public string GetHotkeyAddress() => HotkeyPubFile.Exists
        ? HotkeyPubFile.Read().GetAddress(HotkeyPubFile.Path)
        : HotkeyFile.Read().GetAddress(HotkeyFile.Path);

    /// <summary>The hotkey names of this wallet (files under <c>hotkeys/</c>, pub-only hotkeys included), sorted.</summary>
    public IReadOnlyList<string> ListHotkeys()
    {
        var folder = Path.Combine(Folder, "hotkeys");
        if (!Directory.Exists(folder)) return [];
        const string pubSuffix = "pub.txt";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>())
        {
            if (file.StartsWith('.') || !IsPlainName(file)) continue; // temporary files of an interrupted write, foreign files
            // "<h>pub.txt" is hotkey <h>'s public file; a hotkey known only by it (watch-only) is still listed.
            names.Add(file.EndsWith(pubSuffix, StringComparison.Ordinal) && file.Length > pubSuffix.Length ? file[..^pubSuffix.Length] : file);
        }
        return names.ToList();
    }

    /// <summary>
    /// Every wallet under <paramref name="root"/> (default: <c>BT_WALLET_PATH</c> or <c>~/.bittensor/wallets/</c>)
    /// with its coldkey address and hotkeys. Addresses come from public data only; unreadable ones are null.
    /// </summary>
    public static IReadOnlyList<WalletSummary> List(string? root = null)
    {
        var folder = WalletPaths.ExpandHome(root ?? WalletPaths.DefaultRoot());
        if (!Directory.Exists(folder)) return [];
        var wallets = new List<WalletSummary>();
        foreach (var name in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>()
                     .Where(n => !n.StartsWith('.') && IsPlainName(n)).Order(StringComparer.Ordinal))
        {
            var wallet = new Wallet(name, WalletPaths.DefaultHotkey, folder);
            var hotkeys = wallet.ListHotkeys()
                .Select(h => new Wallet(name, h, folder))
                .Select(w => new HotkeySummary(w.HotkeyName, AddressOf(w.HotkeyPubFile, w.HotkeyFile)))
                .ToList();
            wallets.Add(new WalletSummary(name, wallet.Folder, AddressOf(wallet.ColdkeyPubFile, wallet.ColdkeyFile), hotkeys));
        }
        return wallets;
    }

    /// <summary>Names the wallet, hotkey and root; never key material.</summary>
    public override string ToString() => $"Wallet(name: {Name}, hotkey: {HotkeyName}, path: {Root})";

    private GeneratedKey CreateNew(Keyfile secretFile, Keyfile publicFile, int words, string? password, bool overwrite)
    {
        EnsureWritable(secretFile, publicFile, overwrite);
        var mnemonic = Mnemonic.Generate(words);
        using var mini = Mnemonic.ToMiniSecret(mnemonic);
        using var keypair = Sr25519Keypair.FromMiniSecret(mini.Span);
        var data = KeyfileData.FromKeypair(keypair, secretPhrase: mnemonic, secretSeed: mini.Span);
        WritePair(secretFile, publicFile, data, password, overwrite);
        return new GeneratedKey(keypair.Ss58Address, mnemonic);
    }

    private static string Regenerate(Keyfile secretFile, Keyfile publicFile, KeySource source, string? password, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(source);
        EnsureWritable(secretFile, publicFile, overwrite);
        var (keypair, data) = source.Materialize();
        using (keypair)
        {
            WritePair(secretFile, publicFile, data, password, overwrite);
            return keypair.Ss58Address;
        }
    }

    private static void EnsureWritable(Keyfile secretFile, Keyfile publicFile, bool overwrite)
    {
        if (overwrite) return;
        if (secretFile.Exists) throw new KeyfileExistsException(secretFile.Path);
        if (publicFile.Exists) throw new KeyfileExistsException(publicFile.Path);
    }

    private static void WritePair(Keyfile secretFile, Keyfile publicFile, KeyfileData data, string? password, bool overwrite)
    {
        secretFile.Write(data, password, overwrite);
        publicFile.Write(data.ToPublicData(), password: null, overwrite);
    }

    private static string? AddressOf(Keyfile publicFile, Keyfile secretFile)
    {
        foreach (var file in new[] { publicFile, secretFile })
        {
            if (!file.Exists) continue;
            try
            {
                if (file.Format == KeyfileFormat.Plaintext) return file.Read().GetAddress(file.Path);
            }
            catch (KeyfileException)
            {
                // A damaged file shows as "address unknown" in a listing; reading it directly reports why.
            }
        }
        return null;
    }

    private Keyfile File(params string[] parts) => new(Path.Combine([Folder, .. parts])) { KdfCost = KdfCost };

    private static string CheckName(string value, string what) => IsPlainName(value)
        ? value
        : throw new WalletInputException($"Invalid {what} \"{value}\": it must be a plain file name (no '/', '\\', '.' or '..').");

    /// <summary>A name that stays inside its folder on every OS.</summary>
    private static bool IsPlainName(string value) =>
        value.Length > 0 && value is not ("." or "..") && value.IndexOfAny(['/', '\\', '\0']) < 0;
}

/// <summary>A key generated from a fresh mnemonic. <see cref="Mnemonic"/> is secret: show it to the user once and drop it.</summary>
public sealed class GeneratedKey(string ss58Address, string mnemonic)
{
    /// <summary>The new key's SS58 address (prefix 42).</summary>
    public string Ss58Address { get; } = ss58Address;

    /// <summary>Secret: the mnemonic that regenerates the key.</summary>
    public string Mnemonic { get; } = mnemonic;

    /// <summary>The address only; never the mnemonic.</summary>
    public override string ToString() => $"GeneratedKey({Ss58Address})";
}

/// <summary>One wallet in a listing: its name, folder, coldkey address (null when unknown) and hotkeys.</summary>
public sealed record WalletSummary(string Name, string Folder, string? ColdkeyAddress, IReadOnlyList<HotkeySummary> Hotkeys);

/// <summary>One hotkey in a listing: its name and address (null when only an encrypted or damaged file holds it).</summary>
public sealed record HotkeySummary(string Name, string? Address);
