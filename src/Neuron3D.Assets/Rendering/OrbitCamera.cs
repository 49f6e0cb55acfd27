using System.Numerics;

namespace Neuron3D.Assets.Rendering;

/// <summary>
/// A pinhole camera orbiting a target with world up +Y (the SN17 orientation, spec §3.5 step 5): at yaw 0 it looks from
/// +Z towards −Z with +X to the right; positive pitch raises it above the horizon. Square pixels, principal point at the
/// image centre, vertical field of view.
/// </summary>
/// <param name="YawDegrees">Azimuth around +Y, degrees; 90 looks from +X.</param>
/// <param name="PitchDegrees">Elevation above the horizon, degrees (SN17's "elevation −15°" is pitch +15); within ±89.</param>
/// <param name="Distance">Distance from the target, scene units (&gt; 0).</param>
/// <param name="FovYDegrees">Vertical field of view, degrees (SN17: 49.1).</param>
/// <param name="Width">Image width, pixels.</param>
/// <param name="Height">Image height, pixels.</param>
public readonly record struct OrbitCamera(float YawDegrees, float PitchDegrees, float Distance, float FovYDegrees, int Width, int Height)
{
    /// <summary>Point the camera looks at (default origin).</summary>
    public Vector3 Target { get; init; }

    /// <summary>Near clipping distance, scene units (SN17: 0.01).</summary>
    public float Near { get; init; } = 0.01f;

    /// <summary>Far clipping distance, scene units (SN17: 100).</summary>
    public float Far { get; init; } = 100f;

    /// <summary>The SN17 validator's field of view, degrees (spec §3.5).</summary>
    public const float Sn17FovYDegrees = 49.1f;

    /// <summary>The SN17 validator's orbit radius (spec §3.5).</summary>
    public const float Sn17Distance = 2.5f;

    /// <summary>The SN17 validator's render size, pixels (spec §3.5).</summary>
    public const int Sn17ImageSize = 518;

    /// <summary>Number of SN17 validation views.</summary>
    public const int Sn17ViewCount = 16;

    /// <summary>
    /// SN17 validation view <paramref name="index"/> (0–15): azimuth linspace(0, 360, 16)[index] (steps of 24°, both 0° and
    /// 360° included), elevation −15° (camera 15° above the horizon), radius 2.5, 49.1° vertical FOV.
    /// </summary>
    public static OrbitCamera Sn17View(int index, int size = Sn17ImageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Sn17ViewCount);
        return new OrbitCamera(index * 360f / (Sn17ViewCount - 1), 15f, Sn17Distance, Sn17FovYDegrees, size, size);
    }

    /// <summary>Camera centre in world space.</summary>
    public Vector3 Position
    {
        get
        {
            float yaw = YawDegrees * MathF.PI / 180, pitch = PitchDegrees * MathF.PI / 180;
            return Target + Distance * new Vector3(MathF.Cos(pitch) * MathF.Sin(yaw), MathF.Sin(pitch), MathF.Cos(pitch) * MathF.Cos(yaw));
        }
    }

    /// <summary>Focal length in pixels: Height / (2·tan(FovY/2)).</summary>
    public float FocalPixels => Height / (2 * MathF.Tan(FovYDegrees * MathF.PI / 360));

    /// <summary>Camera axes in world space: right (+x on screen), up (+y on screen), forward (viewing direction).</summary>
    public (Vector3 Right, Vector3 Up, Vector3 Forward) Axes
    {
        get
        {
            var forward = Vector3.Normalize(Target - Position);
            var right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
            var up = Vector3.Cross(right, forward);
            return (right, up, forward);
        }
    }

    /// <summary>Throws when the camera cannot render (sizes, angles, clip planes).</summary>
    public void Validate()
    {
        if (Width < 1 || Height < 1 || Width > 16384 || Height > 16384)
            throw new ArgumentException($"image size {Width}×{Height} must be within 1–16384 pixels");
        if (!(Distance > 0) || !float.IsFinite(Distance)) throw new ArgumentException($"distance {Distance} must be positive and finite");
        if (!(FovYDegrees > 0 && FovYDegrees < 180)) throw new ArgumentException($"field of view {FovYDegrees}° must be within (0, 180)");
        if (!float.IsFinite(YawDegrees)) throw new ArgumentException($"yaw {YawDegrees}° must be finite");
        if (!(Math.Abs(PitchDegrees) <= 89)) throw new ArgumentException($"pitch {PitchDegrees}° must be within ±89° (world up is +Y)");
        if (!float.IsFinite(Target.X + Target.Y + Target.Z)) throw new ArgumentException($"target {Target} must be finite");
        if (!(Near > 0 && Far > Near)) throw new ArgumentException($"clip planes near {Near}, far {Far} must satisfy 0 < near < far");
    }

    /// <summary>
    /// Projects a world point: pixel coordinates (x right, y down, pixel centres at +0.5) and view depth along the viewing
    /// direction; depth ≤ 0 means behind the camera.
    /// </summary>
    public (float X, float Y, float Depth) Project(Vector3 world)
    {
        var (right, up, forward) = Axes;
        var d = world - Position;
        var depth = Vector3.Dot(d, forward);
        var f = FocalPixels;
        return (Width / 2f + f * Vector3.Dot(d, right) / depth, Height / 2f - f * Vector3.Dot(d, up) / depth, depth);
    }
}
