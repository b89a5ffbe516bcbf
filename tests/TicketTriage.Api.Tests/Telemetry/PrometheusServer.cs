using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TicketTriage.Api.Tests.Telemetry;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c> package) on a free loopback port with its own
/// storage directory, scraping one target every second.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    public const string Job = "ticket-triage";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringWriter _output = new();

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var executable = Tools.Require("prometheus");
        var directory = Path.Combine(Path.GetTempPath(), "ticket-triage-prometheus", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(
            config,
            $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {Job}
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target}"]
            """,
            TestContext.Current.CancellationToken);

        var port = LoopbackPort.Next();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Prometheus did not start.");
        var server = new PrometheusServer(process, directory, port);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>Runs an instant query through the HTTP API and returns its result vector.</summary>
    public async Task<JsonElement[]> QueryAsync(string promql)
    {
        using var response = await Client.GetAsync(
            new Uri($"/api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Prometheus answered {(int)response.StatusCode} to '{promql}': {body}");
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("success", answer.GetProperty("status").GetString());
        return [.. answer.GetProperty("data").GetProperty("result").EnumerateArray().Select(result => result.Clone())];
    }

    /// <summary>Queries until the answer satisfies the condition, or fails after the timeout with the last answer.</summary>
    public async Task<JsonElement[]> QueryUntilAsync(string promql, Func<JsonElement[], bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await QueryAsync(promql);
            if (condition(result))
            {
                return result;
            }

            if (deadline.Elapsed > timeout)
            {
                var targets = await Client.GetStringAsync(new Uri("/api/v1/targets", UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Fail($"'{promql}' did not come true within {timeout}: {JsonSerializer.Serialize(result)}\nTargets: {targets}\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The value of one sample of an instant vector.</summary>
    public static double ValueOf(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Client.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"Prometheus exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/-/ready", UriKind.Relative), TestContext.Current.CancellationToken);
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

        Assert.Fail($"Prometheus was not ready within 60 seconds:\n{Output}");
    }
}
