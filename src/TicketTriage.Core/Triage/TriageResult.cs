using System.Globalization;
using System.Runtime.CompilerServices;

namespace TicketTriage.Core.Triage;

/// <summary>The outcome of triage with everything needed to explain it.</summary>
public sealed record TriageResult(MatrixCell Cell, RoutingDecision Routing)
{
    public Priority Priority => Cell.Priority;

    public string AssignmentGroup => Routing.AssignmentGroup;

    /// <summary>One sentence a person can read to see why the ticket got its priority and group.</summary>
    /// <remarks>Written into one buffer: every ticket on every page of tickets carries this sentence.</remarks>
    public string Explanation
    {
        get
        {
            var sentence = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
            sentence.AppendLiteral("Impact ");
            sentence.AppendFormatted(Cell.Impact);
            sentence.AppendLiteral(" and urgency ");
            sentence.AppendFormatted(Cell.Urgency);
            sentence.AppendLiteral(" give ");
            sentence.AppendFormatted(Cell.Priority);
            sentence.AppendLiteral(" in the priority matrix. ");
            if (Routing.IsFallback)
            {
                sentence.AppendLiteral("No routing rule matched, so the ticket goes to the default group ");
            }
            else
            {
                sentence.AppendLiteral("Rule '");
                sentence.AppendFormatted(Routing.RuleId);
                sentence.AppendLiteral("' matched ");
                for (var i = 0; i < Routing.MatchedTerms.Count; i++)
                {
                    sentence.AppendLiteral(i == 0 ? "'" : ", '");
                    sentence.AppendFormatted(Routing.MatchedTerms[i]);
                    sentence.AppendLiteral("'");
                }

                sentence.AppendLiteral(", so the ticket goes to ");
            }

            sentence.AppendFormatted(Routing.AssignmentGroup);
            sentence.AppendLiteral(".");
            return sentence.ToStringAndClear();
        }
    }
}
