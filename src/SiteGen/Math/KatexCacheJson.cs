using System.Text.Json.Serialization;
using SiteGen.Common;

namespace SiteGen.Mathematics;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredEntry<KatexCache.CachedFormula>), TypeInfoPropertyName = "StoredEntryCachedFormula")]
internal sealed partial class KatexCacheJson : JsonSerializerContext;
