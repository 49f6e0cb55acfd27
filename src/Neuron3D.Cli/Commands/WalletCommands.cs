using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d wallet …</c>: create, regenerate, list, sign and verify with btcli-compatible wallets
/// (the same folders, files and encryption, so btcli and Neuron3D can use each other's wallets).
/// </summary>
public static class WalletCommands
{
    private const string MnemonicWarning =
        "IMPORTANT: write this mnemonic down and keep it offline. Anyone who has it controls the key, " +
        "and it is the only way to recover the key if the file is lost. It is shown only this once.";

    /// <summary>The <c>wallet</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var wallet = new Command("wallet", """
            Bittensor wallets, laid out exactly as btcli does:
              <wallet.path>/<wallet.name>/coldkey                  coldkey, encrypted with a password ($NACL)
              <wallet.path>/<wallet.name>/coldkeypub.txt           its public data
              <wallet.path>/<wallet.name>/hotkeys/<hotkey>         hotkey, plaintext (it signs unattended)
              <wallet.path>/<wallet.name>/hotkeys/<hotkey>pub.txt  its public data
            Files are written with mode 0600 and are never replaced without --overwrite.
            Passwords are prompted without echo, or taken from the keyfile's BT_PW_<PATH> variable
            (bittensor-wallet's scheme: the keyfile path upper-cased with '/' and '.' as '_').

            Examples:
              neuron3d wallet create --wallet.name miner --wallet.hotkey default
              neuron3d wallet list
              neuron3d wallet sign --wallet.name miner --use-hotkey --message "hello"
            """);
        wallet.Subcommands.Add(CreateCommand());
        wallet.Subcommands.Add(NewColdkeyCommand());
        wallet.Subcommands.Add(NewHotkeyCommand());
        wallet.Subcommands.Add(RegenColdkeyCommand());
        wallet.Subcommands.Add(RegenColdkeyPubCommand());
        wallet.Subcommands.Add(RegenHotkeyCommand());
        wallet.Subcommands.Add(ListCommand());
        wallet.Subcommands.Add(SignCommand());
        wallet.Subcommands.Add(VerifyCommand());
        return wallet;
    }

    private static Command CreateCommand()
    {
        var command = new Command("create", """
            Create a wallet: a new coldkey (password-encrypted) and a new hotkey (plaintext), each from a fresh
            mnemonic that is printed once. A key that already exists is kept unless --overwrite is given.

            Examples:
              neuron3d wallet create --wallet.name miner --wallet.hotkey default
              neuron3d wallet create --wallet.name demo --no-password --no-prompt --json
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var words = NWordsOption();
        var noPassword = NoPasswordOption();
        var overwrite = OverwriteOption();
        command.Options.Add(words);
        command.Options.Add(noPassword);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var report = new KeyReport(context, w);
            var replace = pr.GetValue(overwrite);
            if (replace || !w.HasColdkey)
            {
                ConfirmReplace(context, w.HasColdkey, $"the coldkey of wallet \"{w.Name}\"");
                var password = Passwords.ForNewKeyfile(context, w.ColdkeyFile, "coldkey", pr.GetValue(noPassword));
                var key = w.CreateNewColdkey(pr.GetValue(words), password, replace);
                report.Created("coldkey", w.ColdkeyFile, key.Ss58Address, password is not null, key.Mnemonic);
            }
            else
            {
                report.Kept("coldkey", SafeAddress(w.GetColdkeyAddress), w.ColdkeyPubFile);
            }
            if (replace || !w.HasHotkey)
            {
                ConfirmReplace(context, w.HasHotkey, $"hotkey \"{w.HotkeyName}\" of wallet \"{w.Name}\"");
                var key = w.CreateNewHotkey(pr.GetValue(words), password: null, replace);
                report.Created("hotkey", w.HotkeyFile, key.Ss58Address, encrypted: false, key.Mnemonic);
            }
            else
            {
                report.Kept("hotkey", SafeAddress(w.GetHotkeyAddress), w.HotkeyFile);
            }
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command NewColdkeyCommand()
    {
        var command = new Command("new-coldkey", """
            Create a new coldkey (and coldkeypub.txt) from a fresh mnemonic, encrypted with a password.

            Examples:
              neuron3d wallet new-coldkey --wallet.name owner --n-words 24
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var words = NWordsOption();
        var noPassword = NoPasswordOption();
        var overwrite = OverwriteOption();
        command.Options.Add(words);
        command.Options.Add(noPassword);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var replace = pr.GetValue(overwrite);
            ThrowIfExists(w.ColdkeyFile, w.ColdkeyPubFile, replace);
            ConfirmReplace(context, w.HasColdkey, $"the coldkey of wallet \"{w.Name}\"");
            var password = Passwords.ForNewKeyfile(context, w.ColdkeyFile, "coldkey", pr.GetValue(noPassword));
            var key = w.CreateNewColdkey(pr.GetValue(words), password, replace);
            var report = new KeyReport(context, w);
            report.Created("coldkey", w.ColdkeyFile, key.Ss58Address, password is not null, key.Mnemonic);
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command NewHotkeyCommand()
    {
        var command = new Command("new-hotkey", """
            Create a new hotkey (and its pub file) from a fresh mnemonic. Hotkeys are plaintext by default,
            as with btcli, because miners and validators sign with them unattended.

            Examples:
              neuron3d wallet new-hotkey --wallet.name miner --wallet.hotkey hk2
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var words = NWordsOption();
        var usePassword = UsePasswordOption();
        var overwrite = OverwriteOption();
        command.Options.Add(words);
        command.Options.Add(usePassword);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var replace = pr.GetValue(overwrite);
            ThrowIfExists(w.HotkeyFile, w.HotkeyPubFile, replace);
            ConfirmReplace(context, w.HasHotkey, $"hotkey \"{w.HotkeyName}\" of wallet \"{w.Name}\"");
            var password = pr.GetValue(usePassword) ? Passwords.ForNewKeyfile(context, w.HotkeyFile, "hotkey", noPassword: false) : null;
            var key = w.CreateNewHotkey(pr.GetValue(words), password, replace);
            var report = new KeyReport(context, w);
            report.Created("hotkey", w.HotkeyFile, key.Ss58Address, password is not null, key.Mnemonic);
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RegenColdkeyCommand()
    {
        var command = new Command("regen-coldkey", """
            Recreate the coldkey (and coldkeypub.txt) from its mnemonic, seed or secret URI; give exactly one.

            Examples:
              neuron3d wallet regen-coldkey --wallet.name owner --mnemonic "word1 word2 … word12"
              neuron3d wallet regen-coldkey --wallet.name owner --seed 0x<64 hex digits>
              neuron3d wallet regen-coldkey --wallet.name alice --uri //Alice --no-password --no-prompt
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var source = new KeySourceOptions(command);
        var noPassword = NoPasswordOption();
        var overwrite = OverwriteOption();
        command.Options.Add(noPassword);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var keySource = source.Resolve(pr);
            var replace = pr.GetValue(overwrite);
            ThrowIfExists(w.ColdkeyFile, w.ColdkeyPubFile, replace);
            ConfirmReplace(context, w.HasColdkey, $"the coldkey of wallet \"{w.Name}\"");
            var password = Passwords.ForNewKeyfile(context, w.ColdkeyFile, "coldkey", pr.GetValue(noPassword));
            var address = w.RegenerateColdkey(keySource, password, replace);
            var report = new KeyReport(context, w);
            report.Created("coldkey", w.ColdkeyFile, address, password is not null, mnemonic: null);
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RegenColdkeyPubCommand()
    {
        var command = new Command("regen-coldkeypub", """
            Write coldkeypub.txt alone from an SS58 address or a public key: a watch-only wallet that can
            receive, be staked to and be looked up, but not sign.

            Examples:
              neuron3d wallet regen-coldkeypub --wallet.name watch --ss58 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
              neuron3d wallet regen-coldkeypub --wallet.name watch --public-key 0xd43593c7…a56da27d
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var ss58 = new Option<string>("--ss58", "--ss58-address") { Description = "The coldkey's SS58 address.", HelpName = "address" };
        var publicKey = new Option<string>("--public-key", "--pubkey") { Description = "The coldkey's public key as 0x + 64 hex digits.", HelpName = "hex" };
        var overwrite = OverwriteOption();
        command.Options.Add(ss58);
        command.Options.Add(publicKey);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var (address, key) = (pr.GetValue(ss58), pr.GetValue(publicKey));
            if ((address is null) == (key is null)) throw new CliUsageException("Give exactly one of --ss58 and --public-key.");
            var bytes = Wallet.ParsePublicKey(address ?? key!);
            var replace = pr.GetValue(overwrite);
            if (!replace && w.ColdkeyPubFile.Exists) throw new KeyfileExistsException(w.ColdkeyPubFile.Path);
            ConfirmReplace(context, w.ColdkeyPubFile.Exists, $"coldkeypub.txt of wallet \"{w.Name}\"");
            var written = w.RegenerateColdkeyPub(bytes, replace);
            var report = new KeyReport(context, w);
            report.Created("coldkeypub", w.ColdkeyPubFile, written, encrypted: false, mnemonic: null);
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RegenHotkeyCommand()
    {
        var command = new Command("regen-hotkey", """
            Recreate a hotkey (and its pub file) from its mnemonic, seed or secret URI; give exactly one.

            Examples:
              neuron3d wallet regen-hotkey --wallet.name miner --wallet.hotkey default --mnemonic "word1 … word12"
              neuron3d wallet regen-hotkey --wallet.name miner --wallet.hotkey bob --uri //Bob --no-prompt
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var source = new KeySourceOptions(command);
        var usePassword = UsePasswordOption();
        var overwrite = OverwriteOption();
        command.Options.Add(usePassword);
        command.Options.Add(overwrite);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var keySource = source.Resolve(pr);
            var replace = pr.GetValue(overwrite);
            ThrowIfExists(w.HotkeyFile, w.HotkeyPubFile, replace);
            ConfirmReplace(context, w.HasHotkey, $"hotkey \"{w.HotkeyName}\" of wallet \"{w.Name}\"");
            var password = pr.GetValue(usePassword) ? Passwords.ForNewKeyfile(context, w.HotkeyFile, "hotkey", noPassword: false) : null;
            var address = w.RegenerateHotkey(keySource, password, replace);
            var report = new KeyReport(context, w);
            report.Created("hotkey", w.HotkeyFile, address, password is not null, mnemonic: null);
            report.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", """
            Show every wallet under --wallet.path as a tree, with coldkey and hotkey SS58 addresses
            (read from the public files: no password needed).

            Examples:
              neuron3d wallet list
              neuron3d wallet list --wallet.path /srv/wallets --json
            """);
        var path = new BittensorOptions().Path;
        command.Options.Add(path);
        command.SetBody(context =>
        {
            var root = WalletPaths.ExpandHome(context.ParseResult.GetValue(path) ?? WalletPaths.DefaultRoot());
            var wallets = Wallet.List(root);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["path"] = root,
                    ["wallets"] = new JsonArray(wallets.Select(w => (JsonNode)new JsonObject
                    {
                        ["name"] = w.Name,
                        ["path"] = w.Folder,
                        ["coldkey"] = w.ColdkeyAddress,
                        ["hotkeys"] = new JsonArray(w.Hotkeys.Select(h => (JsonNode)new JsonObject
                        {
                            ["name"] = h.Name,
                            ["ss58Address"] = h.Address,
                        }).ToArray()),
                    }).ToArray()),
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"Wallets ({root})");
            if (wallets.Count == 0) context.Out.WriteLine("└── (none; create one with `neuron3d wallet create`)");
            for (var i = 0; i < wallets.Count; i++)
            {
                var w = wallets[i];
                var lastWallet = i == wallets.Count - 1;
                context.Out.WriteLine($"{(lastWallet ? "└── " : "├── ")}{w.Name}  {w.ColdkeyAddress ?? "(coldkey address unknown)"}");
                for (var j = 0; j < w.Hotkeys.Count; j++)
                {
                    var h = w.Hotkeys[j];
                    context.Out.WriteLine($"{(lastWallet ? "    " : "│   ")}{(j == w.Hotkeys.Count - 1 ? "└── " : "├── ")}{h.Name}  {h.Address ?? "(address unknown)"}");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SignCommand()
    {
        var command = new Command("sign", """
            Sign a message (its UTF-8 bytes) with the coldkey, or with the hotkey given --use-hotkey; prints the
            64-byte sr25519 signature as 0x-hex. Anyone can check it with `neuron3d wallet verify` or polkadot-js.

            Examples:
              neuron3d wallet sign --wallet.name miner --message "I own this coldkey"
              neuron3d wallet sign --wallet.name miner --wallet.hotkey default --use-hotkey --message "hello" --json
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var message = new Option<string>("--message", "-m") { Description = "The text to sign (signed as UTF-8 bytes).", Required = true };
        var useHotkey = new Option<bool>("--use-hotkey") { Description = "Sign with the hotkey instead of the coldkey." };
        command.Options.Add(message);
        command.Options.Add(useHotkey);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var w = wallet.Resolve(pr);
            var hot = pr.GetValue(useHotkey);
            var file = hot ? w.HotkeyFile : w.ColdkeyFile;
            var password = Passwords.ForExistingKeyfile(context, file, hot ? "hotkey" : "coldkey");
            using var keypair = hot ? w.GetHotkey(password) : w.GetColdkey(password);
            var text = pr.GetValue(message)!;
            var signature = "0x" + Convert.ToHexStringLower(keypair.Sign(Encoding.UTF8.GetBytes(text)));
            if (context.Json)
                context.WriteJson(new JsonObject { ["ss58Address"] = keypair.Ss58Address, ["message"] = text, ["signature"] = signature });
            else
                context.Out.WriteLine(signature);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command VerifyCommand()
    {
        var command = new Command("verify", """
            Check an sr25519 signature of a message (its UTF-8 bytes) against an SS58 address or 0x public key.
            Exit code 0: valid; 1: invalid.

            Examples:
              neuron3d wallet verify --message "hello" --signature 0x… --address 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
            """);
        var message = new Option<string>("--message", "-m") { Description = "The text that was signed (as UTF-8 bytes).", Required = true };
        var signature = new Option<string>("--signature", "-s") { Description = "The signature: 0x + 128 hex digits.", Required = true };
        var address = new Option<string>("--address", "--ss58") { Description = "The signer: SS58 address, or public key as 0x + 64 hex digits.", Required = true };
        command.Options.Add(message);
        command.Options.Add(signature);
        command.Options.Add(address);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var signer = pr.GetValue(address)!.Trim();
            var publicKey = Wallet.ParsePublicKey(signer);
            var signatureBytes = ParseHex(pr.GetValue(signature)!, Sr25519.SignatureSize, "--signature");
            var valid = Sr25519.Verify(publicKey, Encoding.UTF8.GetBytes(pr.GetValue(message)!), signatureBytes);
            if (context.Json)
                context.WriteJson(new JsonObject { ["valid"] = valid, ["ss58Address"] = Ss58.Encode(publicKey) });
            else
                context.Out.WriteLine(valid ? "valid: the signature matches the message and the address" : "INVALID: the signature does not match");
            return valid ? ExitCodes.Success : ExitCodes.Negative;
        });
        return command;
    }

    private static Option<int> NWordsOption()
    {
        var option = new Option<int>("--n-words", "--n_words")
        {
            Description = "Mnemonic length in words: 12, 15, 18, 21 or 24.",
            DefaultValueFactory = _ => 12,
            HelpName = "words",
        };
        option.AcceptOnlyFromAmong("12", "15", "18", "21", "24");
        return option;
    }

    private static Option<bool> OverwriteOption() => new("--overwrite")
    {
        Description = "Replace existing keyfiles (asks first unless --no-prompt). Without it nothing is ever replaced.",
    };

    private static Option<bool> NoPasswordOption() => new("--no-password")
    {
        Description = "Write the coldkey UNENCRYPTED (for scripted, test and demo wallets only).",
    };

    private static Option<bool> UsePasswordOption() => new("--use-password")
    {
        Description = "Encrypt the hotkey with a password (hotkeys are plaintext by default, as with btcli).",
    };

    private static void ThrowIfExists(Keyfile secretFile, Keyfile publicFile, bool overwrite)
    {
        if (overwrite) return;
        if (secretFile.Exists) throw new KeyfileExistsException(secretFile.Path);
        if (publicFile.Exists) throw new KeyfileExistsException(publicFile.Path);
    }

    private static void ConfirmReplace(CliContext context, bool exists, string what)
    {
        if (exists) context.Confirm($"Replace {what}? The old key is lost for good unless you hold its mnemonic.");
    }

    private static string? SafeAddress(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (KeyfileException)
        {
            return null;
        }
    }

    private static byte[] ParseHex(string text, int bytes, string what)
    {
        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        var value = new byte[bytes];
        if (digits.Length != 2 * bytes || Convert.FromHexString(digits, value, out _, out _) != System.Buffers.OperationStatus.Done)
            throw new CliUsageException($"The {what} must be 0x followed by {2 * bytes} hex digits.");
        return value;
    }

    /// <summary>Exactly one of <c>--mnemonic</c>, <c>--seed</c>, <c>--uri</c>.</summary>
    private sealed class KeySourceOptions
    {
        private readonly Option<string[]> _mnemonic = new("--mnemonic")
        {
            Description = "The key's BIP39 mnemonic: quoted, or as separate words.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "words",
        };

        private readonly Option<string> _seed = new("--seed")
        {
            Description = "The key's seed: 0x + 64 hex digits (mini secret) or 0x + 128 hex digits (secret key).",
            HelpName = "hex",
        };

        private readonly Option<string> _uri = new("--uri")
        {
            Description = "A secret URI, e.g. //Alice (dev accounts) or \"<mnemonic>//hard/soft\".",
            HelpName = "uri",
        };

        public KeySourceOptions(Command command)
        {
            command.Options.Add(_mnemonic);
            command.Options.Add(_seed);
            command.Options.Add(_uri);
        }

        public KeySource Resolve(ParseResult parseResult)
        {
            var mnemonic = parseResult.GetValue(_mnemonic);
            var seed = parseResult.GetValue(_seed);
            var uri = parseResult.GetValue(_uri);
            var given = (mnemonic is { Length: > 0 } ? 1 : 0) + (seed is not null ? 1 : 0) + (uri is not null ? 1 : 0);
            if (given != 1) throw new CliUsageException("Give exactly one key source: --mnemonic, --seed or --uri.");
            return mnemonic is { Length: > 0 } ? KeySource.FromMnemonic(string.Join(' ', mnemonic))
                : seed is not null ? KeySource.FromSeed(seed)
                : KeySource.FromUri(uri!);
        }
    }

    /// <summary>Collects what a create/regen command did and prints it, as text or one JSON document.</summary>
    private sealed class KeyReport(CliContext context, Wallet wallet)
    {
        private readonly JsonObject _json = new() { ["wallet"] = wallet.Name, ["path"] = wallet.Folder };
        private bool _mnemonicShown;

        public void Created(string role, Keyfile file, string address, bool encrypted, string? mnemonic)
        {
            var entry = new JsonObject { ["ss58Address"] = address, ["keyfile"] = file.Path, ["encrypted"] = encrypted, ["created"] = true };
            if (context.Json)
            {
                if (mnemonic is not null)
                {
                    entry["secretPhrase"] = mnemonic;
                    _mnemonicShown = true;
                }
                _json[role] = entry;
                return;
            }
            context.Out.WriteLine($"Wrote {role} of wallet \"{wallet.Name}\": {address}");
            context.Out.WriteLine($"  {file.Path} ({(encrypted ? "encrypted" : "not encrypted")})");
            if (mnemonic is null) return;
            context.Out.WriteLine();
            context.Out.WriteLine(MnemonicWarning);
            context.Out.WriteLine($"  {role} mnemonic: {mnemonic}");
            var selector = role == "hotkey" ? $"--wallet.name {wallet.Name} --wallet.hotkey {wallet.HotkeyName}" : $"--wallet.name {wallet.Name}";
            context.Out.WriteLine($"  Recreate the {role} with: neuron3d wallet regen-{role} {selector} --mnemonic \"<the words>\"");
            context.Out.WriteLine();
        }

        public void Kept(string role, string? address, Keyfile file)
        {
            if (context.Json)
            {
                _json[role] = new JsonObject { ["ss58Address"] = address, ["keyfile"] = file.Path, ["created"] = false };
                return;
            }
            context.Out.WriteLine($"Kept the existing {role} of wallet \"{wallet.Name}\": {address ?? "(address unknown)"} (pass --overwrite to replace it)");
        }

        public void Finish()
        {
            if (!context.Json) return;
            if (_mnemonicShown)
            {
                _json["warning"] = "secretPhrase fields are secret: " + MnemonicWarning;
                context.Warn(MnemonicWarning);
            }
            context.WriteJson(_json);
        }
    }
}
