namespace Neuron3D.Bittensor.Scale;

/// <summary>Bit order inside each store element of a bitvec <c>BitVec&lt;Store, Order&gt;</c>.</summary>
public enum BitOrder
{
    /// <summary>Bit i of an element is its (i)-th least significant bit.</summary>
    Lsb0,
    /// <summary>Bit i of an element is its (i)-th most significant bit.</summary>
    Msb0,
}

/// <summary>The integer type a bit sequence is stored in; each element is written little-endian.</summary>
public enum BitStore
{
    /// <summary>u8 elements.</summary>
    U8 = 1,
    /// <summary>u16 elements.</summary>
    U16 = 2,
    /// <summary>u32 elements.</summary>
    U32 = 4,
    /// <summary>u64 elements.</summary>
    U64 = 8,
}
