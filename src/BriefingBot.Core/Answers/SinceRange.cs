using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>since:</c> given a range of days ("2025-03-11..2025-03-19": between two days). It used to keep the first day and drop
/// the last without a word; now the last day ends the view on the axis <c>since</c> reads: /contacts and /statements list
/// by when things happened, so the range asks how things stood on its last day (<c>on</c>); /briefing and /changes list
/// by when things were recorded, so it asks for the record at the end of that day (<c>as_of</c>).
/// </summary>
internal static class SinceRange
{
    /// <summary>The view the command asks for; null and a refusal when the range and an option of the same axis disagree.</summary>
    /// <param name="recorded">True where since reads when things were recorded (as_of), false where it reads when they happened (on).</param>
    public static TimeView? View(CommandRequest request, bool recorded, out Reply? refusal)
    {
        refusal = null;
        var view = request.View();
        if (request.Period("since") is not { IsRange: true } range) return view;
        if ((recorded ? view.AsOf : view.On) is not null)
        {
            var option = recorded ? "as_of" : "on";
            var asks = recorded ? "what was recorded by the end of" : "how things stood on";
            refusal = Reply.Error($"since:{DateInput.Canonical(range)} already asks {asks} {Phrases.Date(range.Last)}; give since: its first day with {option}:, or the range alone.");
            return null;
        }
        var last = EventDate.Day(range.Last);
        return recorded ? view with { AsOf = last } : view with { On = last };
    }
}
