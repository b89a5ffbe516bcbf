using System.Globalization;
using System.Net;
using CsvHelper;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>A CSV answer read back with a real CSV parser, so quoting, commas and line breaks are checked, not assumed.</summary>
public static class CsvAnswer
{
    public static async Task<List<string[]>> ReadCsvAsync(this HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Record ?? []);
        }

        return rows;
    }

    /// <summary>GETs <paramref name="url"/>, expects a 200 and returns its rows, the header first.</summary>
    public static async Task<List<string[]>> GetCsvAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadCsvAsync();
    }
}
