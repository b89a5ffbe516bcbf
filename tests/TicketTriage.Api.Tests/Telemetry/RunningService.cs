using System.Collections.Concurrent;
using System.Diagnostics;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests.Telemetry;

/// <summary>
/// The API as a real operating-system process on loopback, with <c>/metrics</c> on a management port
/// of its own (anonymous there), its console output kept for the tests to read.
/// </summary>
internal sealed class RunningService : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RunningService(Process process, int apiPort, int managementPort, string directory)
    {
        _process = process;
        Directory = directory;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
        ManagementPort = managementPort;
    }

    /// <summary>A client on the API port.</summary>
    public HttpClient Api { get; }

    /// <summary>A client on the management port, where <c>/metrics</c> answers.</summary>
    public HttpClient Management { get; }

    public int ManagementPort { get; }

    public string Directory { get; }

    /// <summary>Every line the process has written to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>
    /// Starts the service on a new database with an Agent whose API token the <see cref="Api"/> client
    /// sends, made with the service's own administration commands as an operator would.
    /// </summary>
    public static async Task<RunningService> StartAsync(IDictionary<string, string>? environment = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "tickets.db");
        string token;
        try
        {
            await ServiceProcess.RunCommandAsync(database, "correct horse battery staple\n", "users", "create", "--email", "telemetry@example.com", "--role", "Agent");
            token = (await ServiceProcess.RunCommandAsync(database, string.Empty, "tokens", "create", "--email", "telemetry@example.com", "--name", "telemetry-tests")).Trim();
        }
        catch
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }

        var apiPort = LoopbackPort.Next();
        var managementPort = LoopbackPort.Next();
        var start = ServiceProcess.StartInfo(database);
        start.Environment["Urls"] = $"http://127.0.0.1:{apiPort}";
        start.Environment["Telemetry__Metrics__Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Telemetry__Metrics__Host"] = "127.0.0.1";
        start.Environment["Telemetry__Metrics__OpenTicketsRefreshInterval"] = "00:00:01";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        var service = new RunningService(process, apiPort, managementPort, directory);
        service.Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync();
        }
        catch
        {
            service.Dispose();
            throw;
        }

        return service;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Api.Dispose();
        Management.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The service exited with code {_process.ExitCode} before it was ready:\n{string.Join('\n', Output)}");
            }

            try
            {
                using var response = await Management.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The service was not ready within 60 seconds:\n{string.Join('\n', Output)}");
    }
}
