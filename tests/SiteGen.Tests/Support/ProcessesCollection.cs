namespace SiteGen.Tests.Support;

/// <summary>
/// The heavy tests (real sitegen processes, whole generated sites, hundreds of concurrent requests) run one
/// class at a time, so together they never load the machine more than one such test does.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessesCollection
{
    public const string Name = "Processes";
}
