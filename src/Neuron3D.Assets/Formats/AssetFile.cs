using Neuron3D.Assets.Formats.Glb;
using Neuron3D.Assets.Formats.Obj;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Formats;

/// <summary>The asset file formats Neuron3D reads and writes.</summary>
public enum AssetFormat
{
    /// <summary>PLY: 3DGS splats or a polygon mesh.</summary>
    Ply,

    /// <summary>SPZ: quantised splats (any variant).</summary>
    Spz,

    /// <summary>Wavefront OBJ mesh.</summary>
    Obj,

    /// <summary>Binary glTF 2.0 mesh.</summary>
    Glb,
}

/// <summary>The content is none of the formats Neuron3D reads (neither by its first bytes nor by its extension).</summary>
public sealed class UnknownAssetFormatException(string message) : AssetFormatException(message);

/// <summary>Per-format reader caps for <see cref="AssetFile"/>; null members mean that format's defaults.</summary>
public sealed record AssetReadOptions
{
    /// <summary>All formats' defaults.</summary>
    public static AssetReadOptions Default { get; } = new();

    public PlyReadOptions? Ply { get; init; }
    public SpzReadOptions? Spz { get; init; }
    public ObjReadOptions? Obj { get; init; }
    public GlbReadOptions? Glb { get; init; }
}

/// <summary>
/// Load and save splats and meshes by file: the format is detected from the first bytes (PLY `ply`, zstd/gzip/NGSP
/// SPZ, GLB `glTF`) and, for OBJ which has no magic, from the extension. Saving picks the format from the extension
/// (`.ply`, `.spz` — the SN17 variant, `.obj`, `.glb`).
/// </summary>
public static class AssetFile
{
    /// <summary>Names the format of <paramref name="head"/> (the first bytes) with <paramref name="fileName"/> as the fallback hint.</summary>
    /// <exception cref="UnknownAssetFormatException">Neither the bytes nor the extension identify a format.</exception>
    public static AssetFormat Detect(ReadOnlySpan<byte> head, string? fileName = null)
    {
        if (head.StartsWith("ply\n"u8) || head.StartsWith("ply\r\n"u8)) return AssetFormat.Ply;
        if (head.StartsWith("glTF"u8)) return AssetFormat.Glb;
        if (SpzCodec.Detect(head) is not null) return AssetFormat.Spz;
        return FromExtension(fileName) ?? throw new UnknownAssetFormatException(
            $"unrecognised content{(fileName is null ? "" : $" in {Path.GetFileName(fileName)}")}: not PLY, SPZ or GLB by its first bytes, and the extension names no format");
    }

    /// <summary>The format an extension names (`.ply`, `.spz`, `.obj`, `.glb`, case-insensitive), or null.</summary>
    public static AssetFormat? FromExtension(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".ply" => AssetFormat.Ply,
        ".spz" => AssetFormat.Spz,
        ".obj" => AssetFormat.Obj,
        ".glb" => AssetFormat.Glb,
        _ => null,
    };

    /// <summary>Decodes splats from file bytes (PLY or SPZ).</summary>
    /// <exception cref="AssetFormatException">Malformed or unknown content.</exception>
    /// <exception cref="NotSupportedException">The content is a mesh format.</exception>
    public static SplatCloud ReadSplats(ReadOnlySpan<byte> bytes, string? fileName = null, AssetReadOptions? options = null)
    {
        options ??= AssetReadOptions.Default;
        return Detect(bytes, fileName) switch
        {
            AssetFormat.Ply => PlySplatReader.Read(bytes, options.Ply),
            AssetFormat.Spz => SpzCodec.Decode(bytes, options.Spz),
            var other => throw new NotSupportedException($"{other} holds meshes, not Gaussian splats"),
        };
    }

    /// <summary>Decodes a mesh from file bytes (PLY, OBJ or GLB).</summary>
    /// <exception cref="AssetFormatException">Malformed or unknown content.</exception>
    /// <exception cref="NotSupportedException">The content is SPZ (splats only).</exception>
    public static TriangleMesh ReadMesh(ReadOnlySpan<byte> bytes, string? fileName = null, AssetReadOptions? options = null)
    {
        options ??= AssetReadOptions.Default;
        return Detect(bytes, fileName) switch
        {
            AssetFormat.Ply => PlyMeshReader.Read(bytes, options.Ply),
            AssetFormat.Obj => ObjMeshReader.Read(bytes, options.Obj),
            AssetFormat.Glb => GlbMeshReader.Read(bytes, options.Glb),
            _ => throw new NotSupportedException("SPZ holds Gaussian splats, not meshes"),
        };
    }

    /// <summary>Encodes splats in the format <paramref name="format"/> (PLY in the SN17 layout, SPZ in the SN17 variant).</summary>
    public static byte[] WriteSplats(SplatCloud cloud, AssetFormat format) => format switch
    {
        AssetFormat.Ply => PlySplatWriter.Write(cloud),
        AssetFormat.Spz => SpzCodec.Encode(cloud),
        _ => throw new NotSupportedException($"{format} cannot hold Gaussian splats"),
    };

    /// <summary>Encodes a mesh in the format <paramref name="format"/> (PLY, OBJ or GLB).</summary>
    public static byte[] WriteMesh(TriangleMesh mesh, AssetFormat format) => format switch
    {
        AssetFormat.Ply => PlyMeshWriter.Write(mesh),
        AssetFormat.Obj => ObjMeshWriter.Write(mesh),
        AssetFormat.Glb => GlbMeshWriter.Write(mesh),
        _ => throw new NotSupportedException($"{format} cannot hold meshes"),
    };

    /// <summary>Loads splats from a `.ply` or `.spz` file.</summary>
    /// <exception cref="AssetFormatException">Malformed, unknown or oversized content.</exception>
    public static SplatCloud LoadSplats(string path, AssetReadOptions? options = null) =>
        ReadSplats(ReadFile(path, options ?? AssetReadOptions.Default), path, options);

    /// <summary>Loads a mesh from a `.ply`, `.obj` or `.glb` file.</summary>
    /// <exception cref="AssetFormatException">Malformed, unknown or oversized content.</exception>
    public static TriangleMesh LoadMesh(string path, AssetReadOptions? options = null) =>
        ReadMesh(ReadFile(path, options ?? AssetReadOptions.Default), path, options);

    /// <summary>Async <see cref="LoadSplats"/>: the file is read asynchronously, then decoded.</summary>
    public static async Task<SplatCloud> LoadSplatsAsync(string path, AssetReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadFileAsync(path, options ?? AssetReadOptions.Default, cancellationToken).ConfigureAwait(false);
        return ReadSplats(bytes, path, options);
    }

    /// <summary>Async <see cref="LoadMesh"/>: the file is read asynchronously, then decoded.</summary>
    public static async Task<TriangleMesh> LoadMeshAsync(string path, AssetReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadFileAsync(path, options ?? AssetReadOptions.Default, cancellationToken).ConfigureAwait(false);
        return ReadMesh(bytes, path, options);
    }

    /// <summary>Saves splats to <paramref name="path"/>, format from its extension (`.ply` or `.spz`).</summary>
    public static void SaveSplats(string path, SplatCloud cloud) => File.WriteAllBytes(path, WriteSplats(cloud, SaveFormat(path)));

    /// <summary>Saves a mesh to <paramref name="path"/>, format from its extension (`.ply`, `.obj` or `.glb`).</summary>
    public static void SaveMesh(string path, TriangleMesh mesh) => File.WriteAllBytes(path, WriteMesh(mesh, SaveFormat(path)));

    /// <summary>Async <see cref="SaveSplats"/>.</summary>
    public static Task SaveSplatsAsync(string path, SplatCloud cloud, CancellationToken cancellationToken = default) =>
        File.WriteAllBytesAsync(path, WriteSplats(cloud, SaveFormat(path)), cancellationToken);

    /// <summary>Async <see cref="SaveMesh"/>.</summary>
    public static Task SaveMeshAsync(string path, TriangleMesh mesh, CancellationToken cancellationToken = default) =>
        File.WriteAllBytesAsync(path, WriteMesh(mesh, SaveFormat(path)), cancellationToken);

    private static AssetFormat SaveFormat(string path) =>
        FromExtension(path) ?? throw new ArgumentException($"{Path.GetFileName(path)}: the extension must be .ply, .spz, .obj or .glb", nameof(path));

    /// <summary>The input cap of the format the file's first bytes (or extension) name.</summary>
    private static long MaxBytes(AssetFormat format, AssetReadOptions options) => format switch
    {
        AssetFormat.Ply => (options.Ply ?? PlyReadOptions.Default).MaxInputBytes,
        AssetFormat.Spz => (options.Spz ?? SpzReadOptions.Default).MaxInputBytes,
        AssetFormat.Obj => (options.Obj ?? ObjReadOptions.Default).MaxInputBytes,
        _ => (options.Glb ?? GlbReadOptions.Default).MaxInputBytes,
    };

    private static AssetFormatException TooLarge(AssetFormat format, string message) => format switch
    {
        AssetFormat.Ply => new PlyFormatException(message),
        AssetFormat.Spz => new SpzFormatException(message),
        AssetFormat.Obj => new ObjFormatException(message),
        _ => new GlbFormatException(message),
    };

    private static byte[] ReadFile(string path, AssetReadOptions options)
    {
        using var stream = File.OpenRead(path);
        var format = Detect(Head(stream), path);
        return InputBytes.ReadAll(stream, MaxBytes(format, options), m => TooLarge(format, $"{Path.GetFileName(path)}: {m}"));
    }

    private static async Task<byte[]> ReadFileAsync(string path, AssetReadOptions options, CancellationToken cancellationToken)
    {
        byte[] head;
        await using (var stream = File.OpenRead(path)) head = Head(stream);
        var format = Detect(head, path);
        return await InputBytes.ReadFileAsync(path, MaxBytes(format, options), m => TooLarge(format, m), cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Head(FileStream stream)
    {
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return head[..read];
    }
}
