using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// Reads 3D Gaussian Splatting PLY files (spec §4.1) into a <see cref="SplatCloud"/>: any encoding (binary LE/BE,
/// ASCII), any property order and scalar type, extra properties (normals, custom attributes) and extra elements
/// ignored. The SH degree follows the `f_rest_*` properties present, as the SN17 compressor reads them.
/// </summary>
public static class PlySplatReader
{
    /// <summary>Property names every 3DGS PLY must have, in <see cref="SplatCloud"/> field order.</summary>
    public static readonly IReadOnlyList<string> RequiredProperties =
    [
        "x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity",
        "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3",
    ];

    /// <summary>Most `f_rest_*` properties read (SH degree 3: 15 coefficients × 3 channels).</summary>
    public const int MaxShRestProperties = 45;

    /// <summary>Reads a whole PLY file held in memory.</summary>
    /// <exception cref="PlyFormatException">Malformed file, missing 3DGS property, or a cap in <paramref name="options"/> exceeded.</exception>
    public static SplatCloud Read(ReadOnlySpan<byte> file, PlyReadOptions? options = null)
    {
        options ??= PlyReadOptions.Default;
        if (file.Length > options.MaxInputBytes)
            throw new PlyFormatException($"input is {file.Length} bytes, above the {options.MaxInputBytes}-byte cap");
        var header = PlyHeader.Parse(file, options);
        var vertex = header.Find("vertex") ?? throw new PlyFormatException("no `vertex` element");
        if (vertex.Count > options.MaxVertexCount)
            throw new PlyFormatException($"{vertex.Count} splats exceed the cap of {options.MaxVertexCount}", element: "vertex");

        var fieldIndex = new int[RequiredProperties.Count];
        for (var f = 0; f < fieldIndex.Length; f++)
            fieldIndex[f] = ScalarIndex(vertex, RequiredProperties[f], required: true);
        var restCount = 0;
        while (restCount < MaxShRestProperties && ScalarIndex(vertex, $"f_rest_{restCount}", required: false) >= 0) restCount++;
        if (restCount % 3 != 0)
            throw new PlyFormatException($"{restCount} `f_rest_*` properties: not a multiple of 3 (one set per colour channel)", element: "vertex", property: $"f_rest_{restCount - 1}");
        var restPerChannelInFile = restCount / 3;
        var degree = DegreeForCoefficients(restPerChannelInFile);
        var restPerChannel = SplatCloud.ShRestCoefficientsPerSplat(degree);
        // Cloud order is coefficient-major ([coefficient][channel]); the file's f_rest is channel-major.
        var restIndex = new int[restPerChannel * 3];
        for (var j = 0; j < restPerChannel; j++)
            for (var channel = 0; channel < 3; channel++)
                restIndex[j * 3 + channel] = vertex.IndexOf($"f_rest_{channel * restPerChannelInFile + j}");

        var cursor = new PlyBodyCursor(file, header);
        foreach (var element in header.Elements)
        {
            if (!ReferenceEquals(element, vertex))
            {
                cursor.Skip(element, options);
                continue;
            }
            cursor.EnsureRowsCanFit(vertex);
            cursor.Element = vertex.Name;
            var cloud = new SplatCloud(vertex.Count, degree);
            if (header.Encoding != PlyEncoding.Ascii && vertex.Properties.All(p => !p.IsList))
                ReadFixedStride(ref cursor, vertex, header.Encoding == PlyEncoding.BinaryBigEndian, fieldIndex, restIndex, cloud);
            else
                ReadGeneral(ref cursor, vertex, options, fieldIndex, restIndex, cloud);
            return cloud;
        }
        throw new InvalidOperationException("unreachable: the vertex element is one of the header's elements");
    }

    /// <summary>Reads a PLY stream to its end (at most <see cref="PlyReadOptions.MaxInputBytes"/>).</summary>
    /// <exception cref="PlyFormatException">As <see cref="Read(ReadOnlySpan{byte}, PlyReadOptions?)"/>.</exception>
    public static SplatCloud Read(Stream stream, PlyReadOptions? options = null)
    {
        options ??= PlyReadOptions.Default;
        return Read(InputBytes.ReadAll(stream, options.MaxInputBytes, m => new PlyFormatException(m)), options);
    }

    /// <summary>SH degree whose higher-order coefficients fit in <paramref name="perChannel"/> (as the SN17/upstream SPZ tools round down).</summary>
    internal static int DegreeForCoefficients(int perChannel) => perChannel switch
    {
        < 3 => 0,
        < 8 => 1,
        < 15 => 2,
        _ => 3,
    };

    private static int ScalarIndex(PlyElement vertex, string name, bool required)
    {
        var index = vertex.IndexOf(name);
        if (index < 0)
            return required ? throw new PlyFormatException("required 3DGS property is missing", element: vertex.Name, property: name) : -1;
        if (vertex.Properties[index].IsList)
            throw new PlyFormatException("3DGS property must be a scalar, not a list", element: vertex.Name, property: name);
        return index;
    }

    private static void ReadFixedStride(ref PlyBodyCursor cursor, PlyElement vertex, bool bigEndian, int[] fieldIndex, int[] restIndex, SplatCloud cloud)
    {
        var properties = vertex.Properties;
        var offsets = new int[properties.Count];
        var stride = 0;
        for (var p = 0; p < properties.Count; p++)
        {
            offsets[p] = stride;
            stride += PlyHeader.SizeOf(properties[p].Type);
        }
        var allFloatLittleEndian = !bigEndian && properties.All(p => p.Type == PlyScalarType.Float32);
        var rows = cursor.Rest;
        var rowValues = new float[properties.Count];
        for (var i = 0; i < cloud.Count; i++)
        {
            var rowBytes = rows.Slice(i * stride, stride);
            if (allFloatLittleEndian)
            {
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(rowBytes).CopyTo(rowValues);
            }
            else
            {
                for (var p = 0; p < properties.Count; p++)
                    rowValues[p] = (float)PlyBodyCursor.ReadBinary(rowBytes.Slice(offsets[p], PlyHeader.SizeOf(properties[p].Type)), properties[p].Type, bigEndian);
            }
            Store(rowValues, i, fieldIndex, restIndex, cloud);
        }
        cursor.Advance(cloud.Count * stride);
    }

    private static void ReadGeneral(ref PlyBodyCursor cursor, PlyElement vertex, PlyReadOptions options, int[] fieldIndex, int[] restIndex, SplatCloud cloud)
    {
        var properties = vertex.Properties;
        var rowValues = new float[properties.Count];
        for (var i = 0; i < cloud.Count; i++)
        {
            cursor.Row = i;
            for (var p = 0; p < properties.Count; p++)
            {
                var property = properties[p];
                if (property.ListCountType is { } countType)
                {
                    var n = cursor.ReadListCount(countType, property.Name, options.MaxListLength);
                    for (var k = 0; k < n; k++) cursor.Read(property.Type, property.Name);
                }
                else
                {
                    rowValues[p] = (float)cursor.Read(property.Type, property.Name);
                }
            }
            Store(rowValues, i, fieldIndex, restIndex, cloud);
        }
    }

    private static void Store(ReadOnlySpan<float> row, int i, int[] field, int[] restIndex, SplatCloud cloud)
    {
        var positions = cloud.Positions.AsSpan(3 * i, 3);
        positions[0] = row[field[0]];
        positions[1] = row[field[1]];
        positions[2] = row[field[2]];
        var dc = cloud.ShDc.AsSpan(3 * i, 3);
        dc[0] = row[field[3]];
        dc[1] = row[field[4]];
        dc[2] = row[field[5]];
        cloud.OpacityLogits[i] = row[field[6]];
        var scales = cloud.LogScales.AsSpan(3 * i, 3);
        scales[0] = row[field[7]];
        scales[1] = row[field[8]];
        scales[2] = row[field[9]];
        var rotation = cloud.Rotations.AsSpan(4 * i, 4);
        rotation[0] = row[field[10]];
        rotation[1] = row[field[11]];
        rotation[2] = row[field[12]];
        rotation[3] = row[field[13]];
        if (restIndex.Length == 0) return;
        var rest = cloud.ShRest.AsSpan(i * restIndex.Length, restIndex.Length);
        for (var k = 0; k < restIndex.Length; k++) rest[k] = row[restIndex[k]];
    }
}
