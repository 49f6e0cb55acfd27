using System.Text;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Protocol;

public class LicenseConsentTests
{
    private const string ValidatorHotkey = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"; // //Bob
    private const long SubmitTime = 1_732_528_800_123_456_789;

    [Fact]
    public void Message_is_the_declaration_then_time_prompt_validator_miner_without_separators()
    {
        var message = Encoding.UTF8.GetString(LicenseConsent.Message(SubmitTime, "a red chair", ValidatorHotkey, "MINER"));
        Assert.StartsWith("I, as a miner on SN17, have obtained all licenses,", message);
        Assert.EndsWith("to this subnet and its end users1732528800123456789a red chair" + ValidatorHotkey + "MINER", message);
        Assert.Equal(LicenseConsent.Declaration.Length + 19 + 11 + 48 + 5, message.Length);
    }

    [Fact]
    public void Our_signature_verifies_here_and_in_two_independent_sr25519_implementations()
    {
        using var miner = Sr25519Keypair.FromUri("//Alice");
        var signature = LicenseConsent.Sign(miner, SubmitTime, "a medieval wooden bridge with moss", ValidatorHotkey);
        Assert.Equal(88, signature.Length);
        Assert.True(LicenseConsent.Verify(signature, SubmitTime, "a medieval wooden bridge with moss", ValidatorHotkey, miner.Ss58Address));

        var message = LicenseConsent.Message(SubmitTime, "a medieval wooden bridge with moss", ValidatorHotkey, miner.Ss58Address);
        var peer = NodePeer.Run("sr25519-peer.mjs", new
        {
            ops = new object[]
            {
                new { op = "verify", publicKey = Convert.ToHexStringLower(miner.PublicKey), message = Convert.ToHexStringLower(message),
                      signature = Convert.ToHexStringLower(Convert.FromBase64String(signature)) },
            },
        });
        Assert.True(peer["results"]![0]!["valid"]!.GetValue<bool>());
        Assert.True(peer["results"]![0]!["validWasm"]!.GetValue<bool>());
    }

    [Fact]
    public void A_signature_made_by_polkadot_js_verifies_here()
    {
        // //Alice's mini secret (spec bittensor.md §3.7); the peer signs the message rebuilt from the spec.
        const string aliceSeed = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
        const string alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        var message = LicenseConsent.Message(SubmitTime, "a tiny mushroom", ValidatorHotkey, alice);
        var peer = NodePeer.Run("sr25519-peer.mjs", new
        {
            ops = new object[] { new { op = "sign", seed = aliceSeed, message = Convert.ToHexStringLower(message) } },
        });
        foreach (var field in new[] { "signature", "signatureWasm" })
        {
            var base64 = Convert.ToBase64String(Convert.FromHexString(peer["results"]![0]![field]!.GetValue<string>()));
            Assert.True(LicenseConsent.Verify(base64, SubmitTime, "a tiny mushroom", ValidatorHotkey, alice));
            Assert.False(LicenseConsent.Verify(base64, SubmitTime + 1, "a tiny mushroom", ValidatorHotkey, alice));
        }
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Malformed_signatures_are_invalid_not_exceptions(string signature) =>
        Assert.False(LicenseConsent.Verify(signature, SubmitTime, "p", ValidatorHotkey, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));

    [Fact]
    public void Tampering_with_any_part_of_the_message_invalidates_it()
    {
        using var miner = Sr25519Keypair.FromUri("//Charlie");
        var signature = LicenseConsent.Sign(miner, SubmitTime, "a golden crown", ValidatorHotkey);
        Assert.False(LicenseConsent.Verify(signature, SubmitTime, "a golden crown!", ValidatorHotkey, miner.Ss58Address));
        Assert.False(LicenseConsent.Verify(signature, SubmitTime, "a golden crown", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", miner.Ss58Address));
        Assert.False(LicenseConsent.Verify(signature, SubmitTime, "a golden crown", ValidatorHotkey, ValidatorHotkey));
        Assert.False(LicenseConsent.Verify(signature, SubmitTime, "a golden crown", ValidatorHotkey, "not-an-address"));
    }
}
