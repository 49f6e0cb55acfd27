namespace Neuron3D.Bittensor.Keys;

/// <summary>An SS58 address that cannot be decoded: bad Base58 character, wrong length, bad checksum or reserved prefix.</summary>
public sealed class Ss58FormatException(string message) : FormatException(message);

/// <summary>A BIP39 mnemonic that is not valid: unknown word (named), unsupported word count or failed checksum.</summary>
public sealed class MnemonicException(string message) : FormatException(message);

/// <summary>A secret key URI (<c>phrase//hard/soft///password</c>) that cannot be parsed or whose phrase/seed is invalid.</summary>
public sealed class KeyUriException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>Secret key bytes that are not a valid sr25519 secret (wrong length or non-canonical scalar).</summary>
public sealed class InvalidSecretKeyException(string message) : FormatException(message);
