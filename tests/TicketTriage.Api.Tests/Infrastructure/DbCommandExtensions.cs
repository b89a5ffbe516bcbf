using System.Data.Common;

namespace TicketTriage.Api.Tests.Infrastructure;

internal static class DbCommandExtensions
{
    /// <summary>Adds a parameter named @name (both providers read that form), whatever the connection type.</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
