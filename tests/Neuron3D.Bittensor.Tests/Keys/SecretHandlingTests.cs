using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>Secrets are zeroed on dispose, never printed, and unusable afterwards.</summary>
public class SecretHandlingTests
{
    [Fact]
    public void SecretBytes_is_zeroed_after_dispose_and_unreadable()
    {
        var secret = SecretBytes.CopyFrom([1, 2, 3, 4, 5]);
        Assert.Equal([1, 2, 3, 4, 5], secret.Span.ToArray());
        secret.Dispose();
        Assert.All(secret.BufferForTests.ToArray(), b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => secret.Span.Length);
        Assert.Equal(5, secret.Length);
        secret.Dispose(); // idempotent
    }

    [Fact]
    public void SecretBytes_ToString_hides_content()
    {
        using var secret = SecretBytes.CopyFrom("very secret"u8);
        Assert.Equal("SecretBytes(***)", secret.ToString());
        Assert.DoesNotContain("very", $"{secret}");
    }

    [Fact]
    public void Exported_secret_is_zeroed_on_dispose_and_keypair_is_unusable_after_dispose()
    {
        var pair = Sr25519Keypair.FromUri("//Alice");
        var exported = pair.ExportSecretKey();
        Assert.Contains(exported.Span.ToArray(), b => b != 0);
        exported.Dispose();
        Assert.All(exported.BufferForTests.ToArray(), b => Assert.Equal(0, b));

        Assert.Equal("Sr25519Keypair(5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY)", pair.ToString());
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.Sign("x"u8));
        Assert.Throws<ObjectDisposedException>(() => pair.ExportSecretKey());
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", pair.Ss58Address); // public data stays
    }

    [Fact]
    public void Public_key_property_returns_a_copy()
    {
        using var pair = Sr25519Keypair.FromUri("//Bob");
        var copy = pair.PublicKey;
        copy[0] ^= 0xff;
        Assert.NotEqual(copy, pair.PublicKey);
    }

    [Fact]
    public void Key_uri_never_prints_phrase_or_password()
    {
        var uri = KeyUri.Parse("bottom drive obey lake curtain smoke basket hold race lonely fit walk//a///hunter2");
        Assert.DoesNotContain("bottom", uri.ToString());
        Assert.DoesNotContain("hunter2", uri.ToString());
    }
}
