using System.Numerics;

namespace Neuron3D.Assets.Splats;

/// <summary>
/// Real spherical-harmonics colour evaluation as 3D Gaussian Splatting defines it (bands 0–3, the usual 3DGS sign
/// convention): colour = 0.5 + Σ_l Σ_m c_lm · Y_lm(direction), per channel, before clamping.
/// </summary>
public static class SphericalHarmonics
{
    private const float C1 = 0.4886025119029199f;
    private static readonly float[] C2 = [1.0925484305920792f, -1.0925484305920792f, 0.31539156525252005f, -1.0925484305920792f, 0.5462742152960396f];
    private static readonly float[] C3 =
        [-0.5900435899266435f, 2.890611442640554f, -0.4570457994644658f, 0.3731763325901154f, -0.4570457994644658f, 1.445305721320277f, -0.5900435899266435f];

    /// <summary>
    /// Colour of splat <paramref name="i"/> seen along <paramref name="direction"/> (unit vector from the camera to the
    /// splat), using every band the cloud stores; unclamped.
    /// </summary>
    public static Vector3 Color(SplatCloud cloud, int i, Vector3 direction)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var color = new Vector3(cloud.ShDc[3 * i], cloud.ShDc[3 * i + 1], cloud.ShDc[3 * i + 2]) * SplatCloud.ShC0;
        var k = SplatCloud.ShRestCoefficientsPerSplat(cloud.ShDegree);
        if (k > 0)
        {
            var rest = cloud.ShRest;
            var start = 3 * k * i;
            Vector3 Coefficient(int j) => new(rest[start + 3 * j], rest[start + 3 * j + 1], rest[start + 3 * j + 2]);
            float x = direction.X, y = direction.Y, z = direction.Z;
            color += C1 * (-y * Coefficient(0) + z * Coefficient(1) - x * Coefficient(2));
            if (cloud.ShDegree >= 2)
            {
                float xx = x * x, yy = y * y, zz = z * z;
                color += C2[0] * x * y * Coefficient(3) + C2[1] * y * z * Coefficient(4) + C2[2] * (2 * zz - xx - yy) * Coefficient(5)
                       + C2[3] * x * z * Coefficient(6) + C2[4] * (xx - yy) * Coefficient(7);
                if (cloud.ShDegree >= 3)
                    color += C3[0] * y * (3 * xx - yy) * Coefficient(8) + C3[1] * x * y * z * Coefficient(9)
                           + C3[2] * y * (4 * zz - xx - yy) * Coefficient(10) + C3[3] * z * (2 * zz - 3 * xx - 3 * yy) * Coefficient(11)
                           + C3[4] * x * (4 * zz - xx - yy) * Coefficient(12) + C3[5] * z * (xx - yy) * Coefficient(13)
                           + C3[6] * x * (xx - 3 * yy) * Coefficient(14);
            }
        }
        return color + new Vector3(0.5f);
    }
}
