using System.Globalization;
using System.Text;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>Fills the {placeholders} of incident texts with names, places and errors drawn from small pools.</summary>
internal sealed class TextFiller(Random random)
{
    private static readonly string[] FirstNames =
    [
        "Amelia", "Oliver", "Priya", "Mohammed", "Sofia", "Liam", "Chen", "Fatima", "Lucas", "Hannah", "Mateo", "Aisha",
        "Noah", "Yuki", "Emma", "Arjun", "Chloe", "Kwame", "Isabel", "Tomasz", "Grace", "Diego", "Nora", "Ravi",
        "Elena", "Samuel", "Zara", "Jakub", "Maya", "Daniel", "Ingrid", "Omar", "Lea", "Hiroshi", "Ruth", "Pedro",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Patel", "Nguyen", "Garcia", "Kowalski", "Okafor", "Jones", "Müller", "Rossi", "Khan", "Silva", "Brown",
        "Tanaka", "Dubois", "Murphy", "Ivanova", "Haddad", "Andersen", "Costa", "Wilson", "Fernandes", "Lee", "Novak", "Taylor",
        "O'Brien", "Schmidt", "Mensah", "Larsen", "Moreau", "Evans", "Sato", "Walsh",
    ];

    private static readonly string[] Sites =
    [
        "London", "Leeds", "Manchester", "Birmingham", "Glasgow", "Bristol", "Dublin", "Amsterdam", "Berlin", "Madrid",
        "Lisbon", "Warsaw", "Toronto", "Chicago", "Austin", "Singapore", "Sydney", "Mumbai",
    ];

    private static readonly string[] Apps =
    [
        "SAP", "Salesforce", "Workday", "Jira", "Confluence", "Teams", "Zoom", "Excel", "Power BI", "Tableau", "AutoCAD",
        "Visual Studio", "Adobe Acrobat", "the CRM", "the expenses portal", "the HR portal", "the intranet", "the payroll system",
        "Xero", "the timesheet tool",
    ];

    private static readonly string[] Teams =
    [
        "Finance", "HR", "Sales", "Marketing", "Legal", "Engineering", "Customer Support", "Procurement", "Operations", "Payroll",
        "Research", "Facilities",
    ];

    private static readonly string[] Since =
    [
        "since this morning", "since yesterday afternoon", "for the past hour", "intermittently all week",
        "since the update on Monday", "since I came back from holiday", "since last night", "on and off for a few days",
    ];

    private static readonly string[] Counts =
    [
        "about 20 people", "the whole team", "just me", "three colleagues", "everyone in the area", "half of the floor",
    ];

    private static readonly string[] Phones = ["iPhone 15", "iPhone 13", "Samsung Galaxy S23", "Pixel 8", "company phone"];

    private static readonly string[] Devices = ["computer", "PC", "machine", "work computer"];

    private static readonly string[] Models =
    [
        "Dell Latitude 7440", "Lenovo ThinkPad T14", "HP EliteBook 840", "MacBook Pro 14", "Surface Laptop 5", "Dell XPS 13",
    ];

    private static readonly string[] OperatingSystems = ["Windows 11", "Windows 10", "macOS Sonoma", "macOS Ventura", "Ubuntu 22.04"];

    private static readonly string[] Hosts = ["srv-app-12", "db-prod-03", "db-rep-07", "fs-lon-01", "etl-02", "web-frontend-4"];

    private static readonly string[] Databases = ["orders", "billing", "inventory", "customers", "ledger", "analytics", "bookings"];

    private static readonly string[] DatabaseErrors = ["error 1205", "SQLSTATE 40001", "ORA-00060", "error 40P01", "SQLSTATE 57014"];

    private static readonly string[] VpnErrors = ["error 809", "error 720", "error 691", "TLS handshake failed", "error 619"];

    private static readonly string[] PrinterErrors = ["49.4C02", "E-05", "SC542", "paper mismatch", "13.B2.D2"];

    private static readonly string[] MailErrors = ["550 5.7.1", "554 5.4.14", "452 4.3.1", "550 5.1.10"];

    private static readonly string[] AppErrors = ["0x80070005", "0xC0000142", "1603", "E_FAIL", "0x8004010F", "12029"];

    private static readonly string[] Errors = ["AADSTS50126", "AADSTS50053", "0x80070005", "HTTP 500", "a blank page"];

    private static readonly string[] Bsods = ["DRIVER_IRQL_NOT_LESS_OR_EQUAL", "KERNEL_DATA_INPAGE_ERROR", "CRITICAL_PROCESS_DIED", "WHEA_UNCORRECTABLE_ERROR"];

    private readonly Random _random = random;
    private readonly Dictionary<string, string> _pinned = new(StringComparer.Ordinal);

    /// <summary>Starts a new ticket: the application, laptop model, printer and so on are drawn afresh.</summary>
    public void NewTicket() => _pinned.Clear();

    public string Pick(IReadOnlyList<string> values) => values[_random.Next(values.Count)];

    public string Name() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    public string Caller()
    {
        var first = Pick(FirstNames);
        var last = Pick(LastNames);
        return _random.Next(4) == 0
            ? $"{first} {last}"
            : $"{first.ToLowerInvariant()}.{last.Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}@example.com";
    }

    /// <summary>Appends the template with each {placeholder} replaced by a fresh draw.</summary>
    public void Append(StringBuilder text, string template)
    {
        var start = 0;
        while (start < template.Length)
        {
            var open = template.IndexOf('{', start);
            if (open < 0)
            {
                text.Append(template, start, template.Length - start);
                return;
            }

            var close = template.IndexOf('}', open);
            text.Append(template, start, open - start);
            var placeholder = template.AsSpan(open + 1, close - open - 1);
            var lookup = _pinned.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(placeholder, out var value))
            {
                value = Value(placeholder);
                if (IsPinned(placeholder))
                {
                    _pinned[placeholder.ToString()] = value;
                }
            }

            text.Append(value);
            start = close + 1;
        }
    }

    public string Fill(string template)
    {
        var text = new StringBuilder(template.Length + 32);
        Append(text, template);
        return text.ToString();
    }

    /// <summary>Placeholders that name the one thing a ticket is about keep their value for the whole ticket.</summary>
    private static bool IsPinned(ReadOnlySpan<char> placeholder) => placeholder is "app" or "model" or "printer" or "db" or "host" or "phone" or "os";

    private string Value(ReadOnlySpan<char> placeholder) => placeholder switch
    {
        "app" => Pick(Apps),
        "site" or "site2" => Pick(Sites),
        "team" => Pick(Teams),
        "since" => Pick(Since),
        "count" => Pick(Counts),
        "phone" => Pick(Phones),
        "device" => Pick(Devices),
        "model" => Pick(Models),
        "os" => Pick(OperatingSystems),
        "host" => Pick(Hosts),
        "db" => Pick(Databases),
        "dberror" => Pick(DatabaseErrors),
        "vpnerror" => Pick(VpnErrors),
        "printerror" => Pick(PrinterErrors),
        "mailerror" => Pick(MailErrors),
        "apperror" => Pick(AppErrors),
        "error" => Pick(Errors),
        "bsod" => Pick(Bsods),
        "name" or "name2" => Name(),
        "first" => Pick(FirstNames),
        "floor" => Number(1, 12),
        "hour" => Number(9, 17),
        "minutes" => Number(15, 240),
        "room" => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + _random.Next(6))}{_random.Next(1, 30)}"),
        "desk" => string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 12)}.{_random.Next(1, 80):D2}"),
        "ext" => Number(2000, 7999),
        "printer" => string.Create(CultureInfo.InvariantCulture, $"PRN-{_random.Next(1, 60):D3}"),
        _ => throw new InvalidOperationException($"Unknown placeholder '{placeholder}'."),
    };

    private string Number(int min, int max) => _random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);
}
