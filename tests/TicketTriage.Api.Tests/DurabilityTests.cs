using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>What the API acknowledged stays stored: across restarts, a killed process and concurrent writers.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task CreateTicket_ThenHostRestarted_TicketIsStillThere()
    {
        var directory = NewDirectory();
        try
        {
            JsonElement created;
            using (var first = TriageApiFactory.OnDirectory(directory))
            {
                created = await first.CreateClient().CreateTicketAsync("Database deadlock on payroll", impact: 1, urgency: 1);
            }

            using var second = TriageApiFactory.OnDirectory(directory);
            var client = second.CreateClient();
            var fetched = await client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

            Assert.Equal(created.Stored(), fetched.Stored());
            var next = await client.CreateTicketAsync("Next one");
            Assert.Equal(created.GetProperty("id").GetInt64() + 1, next.GetProperty("id").GetInt64());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task CreateTicket_200Concurrently_Stores200TicketsWith200DistinctNumbers()
    {
        using var factory = new TriageApiFactory();
        var client = factory.CreateClient();
        var marker = TicketClient.NewMarker();

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.CreateTicketAsync($"{marker} outage report {i}")));

        var numbers = created.Select(ticket => ticket.Text("number")).ToList();
        Assert.Equal(200, numbers.Distinct().Count());
        var stored = await client.ListAllAsync($"q={marker}");
        Assert.Equal(200, stored.Count);
        Assert.Equal(numbers.Order(), stored.Select(ticket => ticket.Text("number")).Order());
    }

    [Fact]
    public async Task CreateTicket_ThenProcessKilledWithSigkill_TicketSurvivesRestart()
    {
        var directory = NewDirectory();
        try
        {
            var databasePath = Path.Combine(directory, "tickets.db");
            await ServiceProcess.RunCommandAsync(databasePath, "correct horse battery staple\n", "users", "create", "--email", "ops@example.com", "--role", "Agent");
            var token = (await ServiceProcess.RunCommandAsync(databasePath, string.Empty, "tokens", "create", "--email", "ops@example.com", "--name", "durability")).Trim();
            Assert.StartsWith("tt_", token, StringComparison.Ordinal);
            JsonElement created;
            using (var service = await ServiceProcess.StartAsync(databasePath, token))
            {
                var response = await service.Client.PostAsJsonAsync(
                    "/api/v1/tickets",
                    new { title = "Killed mid-flight: café ☕ 打印机", impact = 2, urgency = 1, description = "Must survive SIGKILL" },
                    TestContext.Current.CancellationToken);
                await response.AssertStatusAsync(HttpStatusCode.Created);
                created = await response.ReadJsonAsync<JsonElement>();
                service.Kill();
            }

            using var restarted = await ServiceProcess.StartAsync(databasePath, token);
            var fetched = await restarted.Client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

            Assert.Equal(created.Stored(), fetched.Stored());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The API as a real operating-system process, as users run it.</summary>
    private sealed class ServiceProcess : IDisposable
    {
        private readonly Process _process;

        private ServiceProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<ServiceProcess> StartAsync(string databasePath, string token)
        {
            var port = FreePort();
            var start = StartInfo(databasePath);
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

        /// <summary>Runs one of the service's administration commands and returns what it printed on standard output.</summary>
        public static async Task<string> RunCommandAsync(string databasePath, string input, params string[] arguments)
        {
            var start = StartInfo(databasePath, arguments);
            start.RedirectStandardInput = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"'{string.Join(' ', arguments)}' exited with {process.ExitCode}: {await errors}");
            return await output;
        }

        private static ProcessStartInfo StartInfo(string databasePath, params string[] arguments)
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
            start.Environment["ConnectionStrings__Tickets"] = $"Data Source={databasePath}";
            start.Environment["Lifecycle__MonitorEnabled"] = "false";
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
}
