namespace TicketTriage.Api.Auth;

/// <summary>A fresh anti-forgery token for the X-XSRF-TOKEN header.</summary>
public sealed record AntiforgeryResponse(string Token);
