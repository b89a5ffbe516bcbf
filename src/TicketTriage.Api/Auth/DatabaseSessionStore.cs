using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Auth;

/// <summary>
/// Keeps cookie sessions in the database, shared by every instance. The cookie holds a random key; the claims stay
/// here, so signing out, disabling a user or changing their role ends a session at once, on every copy of its cookie.
/// </summary>
internal sealed class DatabaseSessionStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var now = time.GetUtcNow();
        await db.Sessions.Where(session => session.ExpiresAt < now).ExecuteDeleteAsync();
        db.Sessions.Add(new UserSession
        {
            Id = TokenSecret.Hash(key),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var serialized = TicketSerializer.Default.Serialize(ticket);
        var hash = TokenSecret.Hash(key);
        await db.Sessions.Where(session => session.Id == hash).ExecuteUpdateAsync(setters => setters
            .SetProperty(session => session.Ticket, serialized)
            .SetProperty(session => session.ExpiresAt, ticket.Properties.ExpiresUtc));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var hash = TokenSecret.Hash(key);
        var stored = await db.Sessions.AsNoTracking().Where(session => session.Id == hash).Select(session => session.Ticket).FirstOrDefaultAsync();
        return stored is null ? null : TicketSerializer.Default.Deserialize(stored);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var hash = TokenSecret.Hash(key);
        await db.Sessions.Where(session => session.Id == hash).ExecuteDeleteAsync();
    }
}
