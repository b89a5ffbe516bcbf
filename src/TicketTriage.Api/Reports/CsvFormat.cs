using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace TicketTriage.Api.Reports;

/// <summary>The one CSV dialect the reports use: RFC 4180, CRLF, UTF-8, formula injection neutralised.</summary>
internal static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",

        // A cell starting with = + - @ tab or CR is prefixed with ' so spreadsheets show it as text.
        InjectionOptions = InjectionOptions.Escape,
    };

    public static CsvWriter CreateWriter(Stream body)
    {
        var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        return new CsvWriter(writer, Configuration, leaveOpen: false);
    }

    public static string FileName(string report, TimeProvider time) =>
        $"{report}-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.csv";

    public static void WriteRow(CsvWriter csv, params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
    }
}
