using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>The API as a real operating-system process, as users run it, and its administration commands.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>A client on the service's loopback port, sending the token given at start.</summary>
    public HttpClient Client { get; }

    public static Task<ServiceProcess> StartAsync(string databasePath, string token) => StartAsync(OnSqlite(databasePath), token);

    /// <summary>Starts the service with these settings (configuration keys, e.g. from <see cref="OnPostgres"/>).</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string token)
    {
        var port = FreePort();
        var start = StartInfo(settings);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var service = new ServiceProcess(process, client);
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>Runs one of the service's administration commands, which must succeed, and returns what it printed on standard output.</summary>
    public static async Task<string> RunCommandAsync(string databasePath, string input, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync(databasePath, input, arguments);
        Assert.True(exitCode == 0, $"'{string.Join(' ', arguments)}' exited with {exitCode}: {errors}");
        return output;
    }

    /// <summary>Runs one of the service's administration commands and returns its exit code, standard output and standard error.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string databasePath, string input, params string[] arguments) =>
        RunAsync(OnSqlite(databasePath), input, arguments);

    /// <summary>Runs a command with these settings (configuration keys; a null value leaves the setting out) and returns what <see cref="RunAsync(string, string, string[])"/> does.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string?> settings, string input, params string[] arguments)
    {
        var start = StartInfo(settings, arguments);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>How to start the built service (or one of its commands) on a database, as users run it.</summary>
    public static ProcessStartInfo StartInfo(string databasePath, params string[] arguments) => StartInfo(OnSqlite(databasePath), arguments);

    /// <summary>The settings of a service on the SQLite file <paramref name="databasePath"/>, the default provider.</summary>
    public static Dictionary<string, string?> OnSqlite(string databasePath) => new()
    {
        ["ConnectionStrings:Tickets"] = $"Data Source={databasePath}",
    };

    /// <summary>The settings of a service on a PostgreSQL database.</summary>
    public static Dictionary<string, string?> OnPostgres(string connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Tickets"] = connectionString,
    };

    /// <summary>How to start the built service (or one of its commands) with these settings, passed as environment variables.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TicketTriage.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Lifecycle__MonitorEnabled"] = "false";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        // The database is chosen by the settings alone, never by a variable the test process inherited.
        start.Environment.Remove("ConnectionStrings__Tickets");
        foreach (var (key, value) in settings)
        {
            var variable = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
        }

        return start;
    }

    public void Kill()
    {
        // Process.Kill sends SIGKILL on Unix: no shutdown hooks, no flushing, as in a crash.
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"The service exited with code {(_process.HasExited ? _process.ExitCode : 0)} before it was ready.");
            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
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

        Assert.Fail("The service was not ready within 60 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
