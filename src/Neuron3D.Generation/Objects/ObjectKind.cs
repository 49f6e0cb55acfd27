namespace Neuron3D.Generation.Objects;

/// <summary>The 16 Subnet 17 prompt categories.</summary>
public enum ObjectCategory
{
    Robots, Animals, Creatures, Statues, Plants, GemsAndRocks, Vehicles, Weapons, FoodAndDrinks, Household,
    Sports, Clothing, Furniture, Jewelry, Tools, Instruments,
}

/// <summary>
/// One parametric object generator: an id, its category, the names prompts use for it (lower-case lemmas; compounds
/// such as "rocking chair" as several words) and the recipe that adds its parts to a <see cref="PartBuilder"/>.
/// </summary>
/// <param name="Id">Stable kind id ("rocking chair").</param>
/// <param name="Category">Prompt category.</param>
/// <param name="Names">Names and synonyms, the id included.</param>
/// <param name="Build">Adds the parts, drawing proportions from the builder's seeded random source.</param>
/// <param name="Depicts">Whether the kind depicts another object (a statue of …), which becomes the prompt's subject.</param>
public sealed record ObjectKind(string Id, ObjectCategory Category, IReadOnlyList<string> Names, Action<PartBuilder> Build, bool Depicts = false);
