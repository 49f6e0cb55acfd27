using Neuron3D.Bittensor.Metadata;

namespace Neuron3D.Bittensor.Tests.Metadata;

/// <summary>
/// Spec §4.4 and §4.6 as tables: every SubtensorModule call and storage item the spec lists must be found in the
/// newest finney metadata with the spec's index, argument names and SCALE shapes (newtypes unwrapped, so
/// <c>NetUid</c> is u16 and <c>AccountId</c> is [u8; 32]).
/// </summary>
public class SubtensorSpecTableTests
{
    private const string Account = "[u8; 32]";

    // (call, index, "name:type, …") from spec §4.4.
    public static TheoryData<string, int, string> Calls => new()
    {
        { "burned_register", 7, $"netuid:u16, hotkey:{Account}" },
        { "register", 6, $"netuid:u16, block_number:u64, nonce:u64, work:Vec<u8>, hotkey:{Account}, coldkey:{Account}" },
        { "add_stake", 2, $"hotkey:{Account}, netuid:u16, amount_staked:u64" },
        { "remove_stake", 3, $"hotkey:{Account}, netuid:u16, amount_unstaked:u64" },
        { "add_stake_limit", 88, $"hotkey:{Account}, netuid:u16, amount_staked:u64, limit_price:u64, allow_partial:bool" },
        { "remove_stake_limit", 89, $"hotkey:{Account}, netuid:u16, amount_unstaked:u64, limit_price:u64, allow_partial:bool" },
        { "serve_axon", 4, "netuid:u16, version:u32, ip:u128, port:u16, ip_type:u8, protocol:u8, placeholder1:u8, placeholder2:u8" },
        { "serve_axon_tls", 40, "netuid:u16, version:u32, ip:u128, port:u16, ip_type:u8, protocol:u8, placeholder1:u8, placeholder2:u8, certificate:Vec<u8>" },
        { "serve_prometheus", 5, "netuid:u16, version:u32, ip:u128, port:u16, ip_type:u8" },
        { "set_weights", 0, "netuid:u16, dests:Vec<u16>, weights:Vec<u16>, version_key:u64" },
        { "set_mechanism_weights", 119, "netuid:u16, mecid:u8, dests:Vec<u16>, weights:Vec<u16>, version_key:u64" },
        { "commit_weights", 96, $"netuid:u16, commit_hash:{Account}" },
        { "reveal_weights", 97, "netuid:u16, uids:Vec<u16>, values:Vec<u16>, salt:Vec<u16>, version_key:u64" },
        { "commit_mechanism_weights", 115, $"netuid:u16, mecid:u8, commit_hash:{Account}" },
        { "reveal_mechanism_weights", 116, "netuid:u16, mecid:u8, uids:Vec<u16>, values:Vec<u16>, salt:Vec<u16>, version_key:u64" },
        { "commit_timelocked_weights", 113, "netuid:u16, commit:Vec<u8>, reveal_round:u64, commit_reveal_version:u16" },
        { "commit_timelocked_mechanism_weights", 118, "netuid:u16, mecid:u8, commit:Vec<u8>, reveal_round:u64, commit_reveal_version:u16" },
        { "register_network", 59, $"hotkey:{Account}" },
        { "register_network_with_identity", 79, $"hotkey:{Account}, identity:Option<SubnetIdentityV3>" },
        { "start_call", 92, "netuid:u16" },
        { "root_register", 62, $"hotkey:{Account}" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Spec_call_is_in_metadata_with_its_arguments(string name, int index, string arguments)
    {
        var metadata = FinneyMetadata.Latest;
        var call = metadata.Pallet("SubtensorModule").Call(name);
        Assert.Equal(index, call.Index);
        Assert.Equal(7, call.PalletIndex);
        var actual = string.Join(", ", call.Arguments.Select(a => $"{a.Name}:{metadata.Types.Describe(a.TypeId)}"));
        Assert.Equal(arguments, actual);
    }

    // (item, hashers, key shape, value shape) from spec §4.6; "-" = plain value.
    public static TheoryData<string, string, string, string> StorageItems => new()
    {
        { "SubnetworkN", "Identity", "u16", "u16" },
        { "Keys", "Identity, Identity", "(u16, u16)", Account },
        { "Uids", "Identity, Blake2_128Concat", $"(u16, {Account})", "u16" },
        { "Owner", "Blake2_128Concat", Account, Account },
        { "Axons", "Identity, Blake2_128Concat", $"(u16, {Account})", "AxonInfo" },
        { "Weights", "Identity, Identity", "(u16, u16)", "Vec<(u16, u16)>" },
        { "Bonds", "Identity, Identity", "(u16, u16)", "Vec<(u16, u16)>" },
        { "LastUpdate", "Identity", "u16", "Vec<u64>" },
        { "Incentive", "Identity", "u16", "Vec<u16>" },
        { "Dividends", "Identity", "u16", "Vec<u16>" },
        { "Consensus", "Identity", "u16", "Vec<u16>" },
        { "ValidatorTrust", "Identity", "u16", "Vec<u16>" },
        { "Emission", "Identity", "u16", "Vec<u64>" },
        { "Active", "Identity", "u16", "Vec<bool>" },
        { "ValidatorPermit", "Identity", "u16", "Vec<bool>" },
        { "BlockAtRegistration", "Identity, Identity", "(u16, u16)", "u64" },
        { "Tempo", "Identity", "u16", "u16" },
        { "TotalHotkeyAlpha", "Blake2_128Concat, Identity", $"({Account}, u16)", "u64" },
        // U64F64 is substrate-fixed's FixedU128 { bits: u128 }.
        { "Alpha", "Blake2_128Concat, Blake2_128Concat, Identity", $"({Account}, {Account}, u16)", "u128" },
    };

    [Theory]
    [MemberData(nameof(StorageItems))]
    public void Spec_storage_item_is_in_metadata_with_its_hashers_and_types(string name, string hashers, string key, string value)
    {
        var metadata = FinneyMetadata.Latest;
        var entry = metadata.Pallet("SubtensorModule").StorageEntry(name);
        Assert.Equal(hashers, string.Join(", ", entry.Hashers));
        Assert.Equal(key, metadata.Types.Describe(entry.KeyTypeId!.Value));
        Assert.Equal(value, metadata.Types.Describe(entry.ValueTypeId));
    }

    [Fact]
    public void Register_limit_is_newer_than_both_snapshots()
    {
        // Spec §4.4 lists register_limit (134) for the mid-2026 HEAD runtime; the April 2026 snapshot predates it,
        // which is exactly why calls are looked up, not hard-coded.
        foreach (var file in new[] { FinneyMetadata.Dec2025, FinneyMetadata.Apr2026 })
            Assert.Throws<MetadataLookupException>(() => FinneyMetadata.Get(file).Pallet("SubtensorModule").Call("register_limit"));
    }

    [Fact]
    public void Weight_commits_use_twox64concat()
    {
        var subtensor = FinneyMetadata.Latest.Pallet("SubtensorModule");
        Assert.Contains(StorageHasher.Twox64Concat, subtensor.StorageEntry("WeightCommits").Hashers);
        Assert.Contains(StorageHasher.Twox64Concat, subtensor.StorageEntry("TimelockedWeightCommits").Hashers);
    }

    [Fact]
    public void Pre_dtao_difference_is_visible_in_metadata()
    {
        // Spec §4.0: check add_stake's arguments (netuid present) instead of trusting spec numbers.
        Assert.Contains(FinneyMetadata.Get(FinneyMetadata.Dec2025).Pallet("SubtensorModule").Call("add_stake").Arguments, a => a.Name == "netuid");
    }
}
