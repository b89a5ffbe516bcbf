using System.Security.Claims;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Auth;

/// <summary>How history names whoever made a request: the person, and the token when one was used.</summary>
internal static class CurrentActor
{
    public static string Of(ClaimsPrincipal user)
    {
        // The identity's own name claim: ClaimTypes.Name for sessions and tokens, Auth:Jwt:NameClaim for SSO, whose
        // tokens keep their claim names; an SSO token without that claim is named by its subject.
        var name = user.Identity is { IsAuthenticated: true } identity ? identity.Name ?? user.FindFirstValue("sub") : null;
        if (string.IsNullOrEmpty(name))
        {
            return Actors.Anonymous;
        }

        var token = user.FindFirstValue(TriageClaims.TokenName);
        return token is null ? name : $"{name} (token {token})";
    }
}
