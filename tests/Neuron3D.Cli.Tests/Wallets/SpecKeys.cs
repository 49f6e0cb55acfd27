namespace Neuron3D.Cli.Tests.Wallets;

/// <summary>Spec vectors (shared/specs/bittensor.md §2.2, §3.7) the CLI tests regenerate.</summary>
internal static class SpecKeys
{
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    public const string DevPublic = "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
    public const string DevAddress = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";
    public const string BtwalletPhrase = "old leopard transfer rib spatial phone calm indicate online fire caution review";
    public const string BtwalletPublic = "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446";
    public const string BtwalletAddress = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
    public const string AlicePublic = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    public const string AliceAddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string BobMini = "0x398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89";
    public const string BobPublic = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    public const string BobAddress = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    /// <summary>The spec §2.2 example file (the dev-phrase hotkey).</summary>
    public const string SpecExample =
        "{\"accountId\":\"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a\",\"publicKey\":\"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a\",\"privateKey\":\"0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34\",\"secretPhrase\":\"bottom drive obey lake curtain smoke basket hold race lonely fit walk\",\"secretSeed\":\"0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e\",\"ss58Address\":\"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\"}";

    /// <summary>The public file (coldkeypub.txt, &lt;hotkey&gt;pub.txt) btwallet writes for a key.</summary>
    public static string PublicFile(string publicHex, string address) =>
        $"{{\"accountId\":\"0x{publicHex}\",\"publicKey\":\"0x{publicHex}\",\"ss58Address\":\"{address}\"}}";
}
