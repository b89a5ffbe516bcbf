using System.Net;
using System.Net.Sockets;

namespace TicketTriage.Api.Tests.Telemetry;

internal static class LoopbackPort
{
    /// <summary>A TCP port free on loopback right now, chosen by the operating system.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
