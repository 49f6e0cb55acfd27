namespace Neuron3D.Assets.Splats;

/// <summary>
/// A 3D Gaussian splat cloud in the raw (pre-activation) parameterisation that 3DGS PLY files and SPZ store:
/// positions in scene units, log-scales, quaternions, opacity logits and spherical-harmonic colour coefficients.
/// Arrays are flat and structure-of-arrays so codecs and renderers can walk them with spans.
/// </summary>
/// <remarks>
/// Layouts (n = <see cref="Count"/>):
/// <list type="bullet">
/// <item><see cref="Positions"/>: 3n floats, x y z per splat.</item>
/// <item><see cref="LogScales"/>: 3n floats, natural log of the per-axis standard deviation.</item>
/// <item><see cref="Rotations"/>: 4n floats, quaternion w x y z per splat (the PLY `rot_0..3` order), not necessarily normalised.</item>
/// <item><see cref="OpacityLogits"/>: n floats; opacity = sigmoid(logit).</item>
/// <item><see cref="ShDc"/>: 3n floats, the degree-0 coefficient per colour channel (PLY `f_dc_0..2`); colour = 0.5 + C0·dc.</item>
/// <item><see cref="ShRest"/>: n·K·3 floats for K = (degree+1)²−1 higher-order coefficients, coefficient-major per splat
/// ([splat][coefficient][channel], the SPZ order; PLY's `f_rest_*` is channel-major and is transposed by the PLY codec).</item>
/// </list>
/// </remarks>
public sealed class SplatCloud
{
    /// <summary>The SH band-0 constant 1/(2·sqrt(π)) that maps DC coefficients to colours.</summary>
    public const float ShC0 = 0.28209479177387814f;

    public SplatCloud(int count, int shDegree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(shDegree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shDegree, 3);
        Count = count;
        ShDegree = shDegree;
        Positions = new float[3 * count];
        LogScales = new float[3 * count];
        Rotations = new float[4 * count];
        OpacityLogits = new float[count];
        ShDc = new float[3 * count];
        ShRest = new float[count * ShRestCoefficientsPerSplat(shDegree) * 3];
    }

    /// <summary>Number of splats.</summary>
    public int Count { get; }

    /// <summary>Spherical-harmonics degree, 0–3.</summary>
    public int ShDegree { get; }

    public float[] Positions { get; }
    public float[] LogScales { get; }
    public float[] Rotations { get; }
    public float[] OpacityLogits { get; }
    public float[] ShDc { get; }
    public float[] ShRest { get; }

    /// <summary>Higher-order SH coefficients per colour channel for a degree: 0, 3, 8 or 15.</summary>
    public static int ShRestCoefficientsPerSplat(int shDegree) => (shDegree + 1) * (shDegree + 1) - 1;
}
