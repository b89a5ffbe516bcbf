using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class CoreDependencyTests
{
    [Fact]
    public void CoreAssembly_References_NoWebOrDatabaseFramework()
    {
        var references = typeof(TriageEngine).Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }
}
