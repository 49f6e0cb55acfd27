using System.Security.Cryptography;
using System.Text.Json;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>computed_body_hash (spec §1.4) against the spec's worked example and hashes printed by CPython's hashlib.</summary>
public sealed class BodyHashTests
{
    [Fact]
    public void Sha3_256_is_available_from_this_platforms_OpenSSL() => Assert.True(SHA3_256.IsSupported);

    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("5", "86bc56fc56af4c3cde021282f6b727ee9f90dd636e0b0c712a85d416c75e652d")]
    [InlineData("86bc56fc56af4c3cde021282f6b727ee9f90dd636e0b0c712a85d416c75e652d", "4fae6364bdbf7a0def40e782ea7656d4bc96dd42a6eaf71d62b977d74e733ecf")]
    [InlineData("[1, 2, 3]", "059186990f24b4e3cf51bc89e288c8d6e97e8e44cf1de305cbe1f50ee753b50f")]
    [InlineData("['a', 'b']", "7c4ddd265900875dc76972886c942ffdc85a1a3e84716aef29a2941a401dd47b")]
    [InlineData("{'a': 1, 'b': [1.5, 'x']}", "372acd23ea44f7fc3d0509c36e813934fa266fe23df831116a7729bf0a439410")]
    public void Sha3_hex_matches_spec_and_hashlib(string text, string expected) => Assert.Equal(expected, BodyHash.Sha3Hex(text));

    [Fact]
    public void Worked_example_body_hash()
    {
        var dummy = new Dummy { DummyInput = 5 };
        Assert.Equal("4fae6364bdbf7a0def40e782ea7656d4bc96dd42a6eaf71d62b977d74e733ecf", BodyHash.Compute(dummy));
    }

    [Fact]
    public void Synapses_without_hash_fields_hash_the_empty_string()
    {
        Assert.Equal(BodyHash.OfNoFields, BodyHash.Compute(new Synapse()));
        Assert.Equal(BodyHash.OfNoFields, BodyHash.Compute(new SubmitResults { Results = "abc", SubmitTime = 1, Signature = "x" }));
        Assert.Equal(BodyHash.OfNoFields, BodyHash.Sha3Hex(""));
    }

    [Fact]
    public void Hash_fields_are_taken_in_declared_order_with_Python_str()
    {
        // hashlib: H(H("[1, 2, 3]") + H("hello") + H("0.5"))
        var mixed = new Mixed { Numbers = [1, 2, 3], Text = "hello", Ratio = 0.5 };
        Assert.Equal("add3a1613022578e262d9dbece0261e4f97516afbaa177af9d8b8a633307d9ad", BodyHash.Compute(mixed));
    }

    [Fact]
    public void Hash_changes_with_any_hashed_value_but_not_with_other_fields()
    {
        var original = new Mixed { Numbers = [1, 2, 3], Text = "hello", Ratio = 0.5 };
        Assert.NotEqual(BodyHash.Compute(original), BodyHash.Compute(original with { Ratio = 0.25 }));
        Assert.NotEqual(BodyHash.Compute(original), BodyHash.Compute(original with { Text = "hellp" }));
        Assert.Equal(BodyHash.Compute(original), BodyHash.Compute(original with { Timeout = 3, Extra = new() { ["k"] = JsonSerializer.SerializeToElement(1) } }));
    }
}
