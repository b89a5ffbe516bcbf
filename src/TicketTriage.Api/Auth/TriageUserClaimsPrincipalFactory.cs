using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Auth;

/// <summary>Adds the user's one role to the session principal that Identity builds.</summary>
internal sealed class TriageUserClaimsPrincipalFactory(UserManager<TriageUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TriageUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TriageUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(TriageClaims.Scope, TriageClaims.FullScope));
        return identity;
    }
}
