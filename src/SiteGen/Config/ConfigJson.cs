using System.Text.Json.Serialization;

namespace SiteGen.Config;

/// <summary>
/// What a build hashes of its configuration, written by generated code rather than by reflection: reflection's first
/// serialization cost about 40–90 ms of every process, a quarter of a nothing-changed rebuild. Every public property
/// is written, as before, so a new setting is part of the keys without anyone listing it.
/// </summary>
// Serialization only: the metadata a reader needs (constructor parameters, property setters) took ~10 ms to set up per process.
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(RenderSettings))]
// The values a KaTeX option can have (see ConfigReader.PlainValue), written by their runtime type.
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class ConfigJson : JsonSerializerContext;

/// <summary>Everything in the configuration a body's HTML depends on (image sizes are checked as each body's dependencies).</summary>
internal sealed record RenderSettings(
    IReadOnlyDictionary<string, object?> KatexOptions,
    IReadOnlyDictionary<string, string> KatexMacros,
    HighlightConfig Highlight,
    string StaticDir);
