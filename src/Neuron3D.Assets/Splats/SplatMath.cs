using System.Numerics;
using System.Runtime.CompilerServices;

namespace Neuron3D.Assets.Splats;

/// <summary>A symmetric 3×3 matrix (a splat's covariance), stored as its six distinct entries, in scene units².</summary>
public readonly record struct SymmetricMatrix3(float Xx, float Xy, float Xz, float Yy, float Yz, float Zz)
{
    /// <summary>The determinant.</summary>
    public float Determinant => Xx * (Yy * Zz - Yz * Yz) - Xy * (Xy * Zz - Yz * Xz) + Xz * (Xy * Yz - Yy * Xz);
}

/// <summary>
/// The activations that turn a <see cref="SplatCloud"/>'s stored (pre-activation) parameters into render quantities, as the
/// SN17 validator applies them (spec §3.5 step 2, §4.1): opacity = sigmoid(logit), scale = exp(log-scale), rotation =
/// L2-normalised (w, x, y, z), colour = 0.5 + C0·f_dc.
/// </summary>
public static class SplatMath
{
    /// <summary>Logistic sigmoid; ±∞ map to 1 and 0 (SPZ alpha bytes 255 and 0 decode to ±∞ logits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    /// <summary>Inverse of <see cref="Sigmoid"/>: ln(p / (1 − p)); 0 and 1 give −∞ and +∞.</summary>
    public static float Logit(float opacity) => MathF.Log(opacity / (1f - opacity));

    /// <summary>Colour channel (0–1 nominal, unclamped) from the SH degree-0 coefficient: 0.5 + C0·dc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ShDcToColor(float dc) => 0.5f + SplatCloud.ShC0 * dc;

    /// <summary>The SH degree-0 coefficient that reproduces a colour channel: (colour − 0.5) / C0.</summary>
    public static float ColorToShDc(float color) => (color - 0.5f) / SplatCloud.ShC0;

    /// <summary>
    /// The unit quaternion (w, x, y, z) of a stored rotation; null when its length is zero or not finite (the validator would
    /// produce NaN there).
    /// </summary>
    public static Quaternion? NormalizeRotation(float w, float x, float y, float z)
    {
        var length = MathF.Sqrt(w * w + x * x + y * y + z * z);
        if (!(length > 0) || !float.IsFinite(length)) return null;
        return new Quaternion(x / length, y / length, z / length, w / length);
    }

    /// <summary>
    /// The 3D covariance Σ = R·S·Sᵀ·Rᵀ of a Gaussian with per-axis standard deviations <paramref name="scale"/> (scene units)
    /// rotated by the unit quaternion <paramref name="rotation"/>.
    /// </summary>
    public static SymmetricMatrix3 Covariance(Vector3 scale, Quaternion rotation)
    {
        float w = rotation.W, x = rotation.X, y = rotation.Y, z = rotation.Z;
        // Rotation matrix columns scaled by the standard deviations: M = R·S, Σ = M·Mᵀ.
        float r00 = 1 - 2 * (y * y + z * z), r01 = 2 * (x * y - w * z), r02 = 2 * (x * z + w * y);
        float r10 = 2 * (x * y + w * z), r11 = 1 - 2 * (x * x + z * z), r12 = 2 * (y * z - w * x);
        float r20 = 2 * (x * z - w * y), r21 = 2 * (y * z + w * x), r22 = 1 - 2 * (x * x + y * y);
        float m00 = r00 * scale.X, m01 = r01 * scale.Y, m02 = r02 * scale.Z;
        float m10 = r10 * scale.X, m11 = r11 * scale.Y, m12 = r12 * scale.Z;
        float m20 = r20 * scale.X, m21 = r21 * scale.Y, m22 = r22 * scale.Z;
        return new SymmetricMatrix3(
            m00 * m00 + m01 * m01 + m02 * m02,
            m00 * m10 + m01 * m11 + m02 * m12,
            m00 * m20 + m01 * m21 + m02 * m22,
            m10 * m10 + m11 * m11 + m12 * m12,
            m10 * m20 + m11 * m21 + m12 * m22,
            m20 * m20 + m21 * m21 + m22 * m22);
    }
}

/// <summary>Per-splat activated values of a <see cref="SplatCloud"/> (see <see cref="SplatMath"/>).</summary>
public static class SplatCloudActivations
{
    /// <summary>Centre of splat <paramref name="i"/>, in scene units.</summary>
    public static Vector3 Position(this SplatCloud cloud, int i) =>
        new(cloud.Positions[3 * i], cloud.Positions[3 * i + 1], cloud.Positions[3 * i + 2]);

    /// <summary>Per-axis standard deviations exp(log-scale) of splat <paramref name="i"/>, in scene units.</summary>
    public static Vector3 Scale(this SplatCloud cloud, int i) =>
        new(MathF.Exp(cloud.LogScales[3 * i]), MathF.Exp(cloud.LogScales[3 * i + 1]), MathF.Exp(cloud.LogScales[3 * i + 2]));

    /// <summary>Opacity sigmoid(logit) of splat <paramref name="i"/>, 0–1.</summary>
    public static float Opacity(this SplatCloud cloud, int i) => SplatMath.Sigmoid(cloud.OpacityLogits[i]);

    /// <summary>Unit rotation of splat <paramref name="i"/>, or null for a zero/non-finite quaternion.</summary>
    public static Quaternion? Rotation(this SplatCloud cloud, int i) =>
        SplatMath.NormalizeRotation(cloud.Rotations[4 * i], cloud.Rotations[4 * i + 1], cloud.Rotations[4 * i + 2], cloud.Rotations[4 * i + 3]);

    /// <summary>View-independent (SH degree 0) colour of splat <paramref name="i"/>: 0.5 + C0·f_dc per channel, unclamped.</summary>
    public static Vector3 BaseColor(this SplatCloud cloud, int i) =>
        new(SplatMath.ShDcToColor(cloud.ShDc[3 * i]), SplatMath.ShDcToColor(cloud.ShDc[3 * i + 1]), SplatMath.ShDcToColor(cloud.ShDc[3 * i + 2]));

    /// <summary>3D covariance of splat <paramref name="i"/> (identity rotation when its quaternion cannot be normalised).</summary>
    public static SymmetricMatrix3 Covariance(this SplatCloud cloud, int i) =>
        SplatMath.Covariance(cloud.Scale(i), cloud.Rotation(i) ?? Quaternion.Identity);
}
