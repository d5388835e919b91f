// TEMPORARY local shim until branch `import` merges; not committed.
using SiteGen.Config;
using SiteGen.Diagnostics;
namespace SiteGen.Import;
public sealed record ImportResult(int Feeds, int Entries, int Articles, int ExactDuplicates, int NearDuplicates, int PagesCreated, int PagesUpdated, int PagesUnchanged, int PagesKeptEdited);
public sealed class ImportFeeds { public ImportResult Run(SiteConfig c, DiagnosticBag d, TimeProvider t) => new(0,0,0,0,0,0,0,0,0); }
