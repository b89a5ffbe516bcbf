namespace TicketTriage.Api.Tests.Telemetry;

internal static class RepositoryFiles
{
    /// <summary>The full path of a file of the repository the tests were built from.</summary>
    public static string PathOf(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketTriage.slnx")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new Xunit.Sdk.XunitException($"No TicketTriage.slnx above {AppContext.BaseDirectory}.");
    }
}
