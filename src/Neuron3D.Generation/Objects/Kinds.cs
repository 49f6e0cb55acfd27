namespace Neuron3D.Generation.Objects;

/// <summary>The built-in recipes, one file per group of categories.</summary>
internal static partial class Kinds
{
    /// <summary>Every built-in kind.</summary>
    public static IEnumerable<ObjectKind> All() =>
        Robots().Concat(Animals()).Concat(Creatures()).Concat(Statues()).Concat(Plants()).Concat(GemsAndRocks())
            .Concat(Vehicles()).Concat(Weapons()).Concat(Food()).Concat(Household()).Concat(Sports()).Concat(Clothing())
            .Concat(Furniture()).Concat(Jewelry()).Concat(Tools()).Concat(Instruments());
}
