using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace TicketTriage.Api.Reports;

/// <summary>The one CSV dialect the reports use: RFC 4180, CRLF, UTF-8, formula injection neutralised.</summary>
internal static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";

    // With NewLine set, CsvHelper quotes a field only when it holds that whole sequence, so a lone LF or CR
    // went out bare and split the row; RFC 4180 quotes any line break.
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { Length: > 0 } field
            && (field.AsSpan().IndexOfAny(NeedsQuotes) >= 0 || field[0] == ' ' || field[^1] == ' '),

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
