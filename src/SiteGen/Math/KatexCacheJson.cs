using System.Text.Json.Serialization;

namespace SiteGen.Mathematics;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KatexCache.CacheFile))]
internal sealed partial class KatexCacheJson : JsonSerializerContext;
