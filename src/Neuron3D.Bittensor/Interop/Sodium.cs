using System.Runtime.InteropServices;

namespace Neuron3D.Bittensor.Interop;

/// <summary>
/// Every libsodium entry point Neuron3D uses, in one place (NuGet package `libsodium` ships the native library).
/// Ristretto255 group and scalar arithmetic back sr25519; secretbox + Argon2i back btcli keyfiles;
/// BLAKE2b backs SS58 and storage keys; Ed25519 is the benchmark yardstick for sr25519.
/// All functions return 0 on success unless noted.
/// </summary>
internal static unsafe partial class Sodium
{
    private const string Lib = "libsodium";

    public const int RistrettoPointBytes = 32;      // crypto_core_ristretto255_BYTES
    public const int RistrettoScalarBytes = 32;     // crypto_core_ristretto255_SCALARBYTES
    public const int RistrettoNonReducedScalarBytes = 64;
    public const int SecretBoxKeyBytes = 32;
    public const int SecretBoxNonceBytes = 24;
    public const int SecretBoxMacBytes = 16;
    public const int PwHashAlgArgon2i13 = 1;        // crypto_pwhash_ALG_ARGON2I13
    public const int PwHashSaltBytes = 16;

    static Sodium()
    {
        if (sodium_init() < 0) throw new InvalidOperationException("libsodium failed to initialise");
    }

    /// <summary>Forces the static initialiser (sodium_init) to run; cheap after the first call.</summary>
    public static void EnsureInitialized() { }

    [LibraryImport(Lib)] private static partial int sodium_init();
    [LibraryImport(Lib)] public static partial void sodium_memzero(byte* pnt, nuint len);
    [LibraryImport(Lib)] public static partial void randombytes_buf(byte* buf, nuint size);

    // Ristretto255 points
    [LibraryImport(Lib)] public static partial int crypto_core_ristretto255_is_valid_point(byte* p);
    [LibraryImport(Lib)] public static partial int crypto_core_ristretto255_add(byte* r, byte* p, byte* q);
    [LibraryImport(Lib)] public static partial int crypto_core_ristretto255_sub(byte* r, byte* p, byte* q);
    [LibraryImport(Lib)] public static partial int crypto_core_ristretto255_from_hash(byte* p, byte* r);
    /// <summary>q = n·p; fails (-1) for an invalid p or an identity result. Clears the top bit of n.</summary>
    [LibraryImport(Lib)] public static partial int crypto_scalarmult_ristretto255(byte* q, byte* n, byte* p);
    /// <summary>q = n·B; fails (-1) for an identity result.</summary>
    [LibraryImport(Lib)] public static partial int crypto_scalarmult_ristretto255_base(byte* q, byte* n);

    // Ristretto255 scalars (mod ℓ)
    [LibraryImport(Lib)] public static partial void crypto_core_ristretto255_scalar_reduce(byte* r, byte* s64);
    [LibraryImport(Lib)] public static partial void crypto_core_ristretto255_scalar_add(byte* z, byte* x, byte* y);
    [LibraryImport(Lib)] public static partial void crypto_core_ristretto255_scalar_sub(byte* z, byte* x, byte* y);
    [LibraryImport(Lib)] public static partial void crypto_core_ristretto255_scalar_mul(byte* z, byte* x, byte* y);
    [LibraryImport(Lib)] public static partial void crypto_core_ristretto255_scalar_negate(byte* neg, byte* s);

    // XSalsa20-Poly1305 (PyNaCl SecretBox layout: MAC ‖ ciphertext)
    [LibraryImport(Lib)] public static partial int crypto_secretbox_easy(byte* c, byte* m, ulong mlen, byte* n, byte* k);
    [LibraryImport(Lib)] public static partial int crypto_secretbox_open_easy(byte* m, byte* c, ulong clen, byte* n, byte* k);

    // Argon2 (alg selects Argon2i v1.3 for btcli keyfiles)
    [LibraryImport(Lib)]
    public static partial int crypto_pwhash(byte* output, ulong outlen, byte* passwd, ulong passwdlen, byte* salt,
        ulong opslimit, nuint memlimit, int alg);

    // BLAKE2b
    [LibraryImport(Lib)]
    public static partial int crypto_generichash(byte* output, nuint outlen, byte* input, ulong inlen, byte* key, nuint keylen);

    // Ed25519 (benchmark yardstick only)
    [LibraryImport(Lib)] public static partial int crypto_sign_ed25519_seed_keypair(byte* pk, byte* sk, byte* seed);
    [LibraryImport(Lib)] public static partial int crypto_sign_ed25519_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);
    [LibraryImport(Lib)] public static partial int crypto_sign_ed25519_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}
