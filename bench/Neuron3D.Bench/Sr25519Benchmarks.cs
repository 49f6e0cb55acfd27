using BenchmarkDotNet.Attributes;
using Neuron3D.Bittensor.Interop;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bench;

/// <summary>
/// sr25519 sign/verify (ours: Merlin in C#, ristretto255 in libsodium) next to libsodium's Ed25519 on the same
/// 256-byte message. bench/sr25519.sh adds @polkadot/wasm-crypto (Rust schnorrkel) measured in the same run.
/// </summary>
[MemoryDiagnoser]
public unsafe class Sr25519Benchmarks
{
    /// <summary>Message length in bytes; bench/js/sr25519-bench.mjs uses the same.</summary>
    public const int MessageLength = 256;

    private readonly byte[] _message = new byte[MessageLength];
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _edPublic = new byte[32];
    private readonly byte[] _edSecret = new byte[64];
    private readonly byte[] _edSignature = new byte[64];
    private Sr25519Keypair _pair = null!;
    private byte[] _publicKey = null!;
    private readonly byte[] _scalar = Convert.FromHexString("05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a");

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _message.Length; i++) _message[i] = (byte)(i * 7);
        var seed = new byte[32];
        seed[0] = 1;
        _pair = Sr25519Keypair.FromMiniSecret(seed);
        _publicKey = _pair.PublicKey;
        _pair.Sign(_message).CopyTo(_signature, 0);

        Sodium.EnsureInitialized();
        fixed (byte* pk = _edPublic, sk = _edSecret, s = seed, m = _message, sig = _edSignature)
        {
            Sodium.crypto_sign_ed25519_seed_keypair(pk, sk, s);
            Sodium.crypto_sign_ed25519_detached(sig, null, m, MessageLength, sk);
        }
        if (!Sr25519Verify() || !Ed25519Verify()) throw new InvalidOperationException("benchmark signatures do not verify");
    }

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    [Benchmark]
    public byte[] Sr25519Sign() => _pair.Sign(_message);

    [Benchmark]
    public bool Sr25519Verify() => Sr25519.Verify(_publicKey, _message, _signature);

    // Where verify's time goes: the Merlin transcript (C#), s·B (libsodium, fixed-base table) and k·A (libsodium,
    // constant-time variable-base ladder; Ed25519 verify instead uses one variable-time double-scalar multiplication).

    [Benchmark]
    public byte VerifyPartTranscript()
    {
        Span<byte> k = stackalloc byte[32];
        var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(""u8, "substrate"u8);
        t.AppendMessage("sign-bytes"u8, _message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, _publicKey);
        t.AppendMessage("sign:R"u8, _signature.AsSpan(0, 32));
        t.ChallengeScalar("sign:c"u8, k);
        return k[0];
    }

    [Benchmark]
    public int VerifyPartBaseMultiply()
    {
        Span<byte> point = stackalloc byte[32];
        fixed (byte* q = point, n = _scalar)
            return Sodium.crypto_scalarmult_ristretto255_base(q, n);
    }

    [Benchmark]
    public int VerifyPartVariableBaseMultiply()
    {
        Span<byte> point = stackalloc byte[32];
        fixed (byte* q = point, n = _scalar, p = _publicKey)
            return Sodium.crypto_scalarmult_ristretto255(q, n, p);
    }

    [Benchmark]
    public int Ed25519Sign()
    {
        fixed (byte* sk = _edSecret, m = _message, sig = _edSignature)
            return Sodium.crypto_sign_ed25519_detached(sig, null, m, MessageLength, sk);
    }

    [Benchmark]
    public bool Ed25519Verify()
    {
        fixed (byte* pk = _edPublic, m = _message, sig = _edSignature)
            return Sodium.crypto_sign_ed25519_verify_detached(sig, m, MessageLength, pk) == 0;
    }
}
