namespace SiteGen.Import;

/// <summary>Counts of one import run, for the build report.</summary>
public sealed record ImportResult(
    int Feeds,
    int Entries,
    int Articles,
    int ExactDuplicates,
    int NearDuplicates,
    int PagesCreated,
    int PagesUpdated,
    int PagesUnchanged,
    int PagesKeptEdited);

/// <summary>What <see cref="WritePages"/> did to <c>content/</c>.</summary>
public sealed record PageWriteCounts(int Created, int Updated, int Unchanged, int KeptEdited);
