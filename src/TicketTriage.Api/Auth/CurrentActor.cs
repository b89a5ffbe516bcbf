using System.Security.Claims;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Auth;

/// <summary>How history names whoever made a request: the person, and the token when one was used.</summary>
internal static class CurrentActor
{
    public static string Of(ClaimsPrincipal user)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Name) : null;
        if (string.IsNullOrEmpty(name))
        {
            return Actors.Anonymous;
        }

        var token = user.FindFirstValue(TriageClaims.TokenName);
        return token is null ? name : $"{name} (token {token})";
    }
}
