using System.Globalization;
using System.Text;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Subnet17.Protocol;

/// <summary>
/// The signature every SN17 <c>SubmitResults</c> carries (spec sn17-404gen.md §2.4): the miner's hotkey signs the
/// license-consent declaration followed, without separators, by the submit time (ns), the task prompt, the
/// validator's hotkey and the miner's hotkey. Validators rebuild the message from their own copy of the task.
/// </summary>
public static class LicenseConsent
{
    /// <summary>The protocol constant, exact (no trailing period or newline).</summary>
    public const string Declaration =
        "I, as a miner on SN17, have obtained all licenses, rights and consents required to use, reproduce, modify, " +
        "display, distribute and make available my submitted results to this subnet and its end users";

    /// <summary>The exact UTF-8 message that is signed.</summary>
    public static byte[] Message(long submitTimeNs, string prompt, string validatorHotkey, string minerHotkey) =>
        Encoding.UTF8.GetBytes(string.Concat(Declaration, submitTimeNs.ToString(CultureInfo.InvariantCulture), prompt, validatorHotkey, minerHotkey));

    /// <summary>Signs as the miner; returns the standard base64 of the 64-byte signature (88 characters).</summary>
    public static string Sign(Sr25519Keypair minerHotkey, long submitTimeNs, string prompt, string validatorHotkey)
    {
        ArgumentNullException.ThrowIfNull(minerHotkey);
        return Convert.ToBase64String(minerHotkey.Sign(Message(submitTimeNs, prompt, validatorHotkey, minerHotkey.Ss58Address)));
    }

    /// <summary>
    /// Checks a submission's signature. Returns false for anything that is not a valid signature by
    /// <paramref name="minerHotkey"/> over the rebuilt message — wrong key, bad base64 (strictly decoded), wrong
    /// length, malformed address — so a hostile submission cannot make the validator throw.
    /// </summary>
    public static bool Verify(string signatureBase64, long submitTimeNs, string prompt, string validatorHotkey, string minerHotkey)
    {
        if (string.IsNullOrEmpty(signatureBase64) || signatureBase64.Length != 88) return false;
        Span<byte> signature = stackalloc byte[66];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var written) || written != 64) return false;
        if (!Ss58.TryDecode(minerHotkey, out var publicKey, out _)) return false;
        return Sr25519.Verify(publicKey, Message(submitTimeNs, prompt, validatorHotkey, minerHotkey), signature[..64]);
    }
}
