namespace BriefingBot.Slack.SocketMode;

/// <summary>
/// The envelope ids already answered, so an envelope Slack delivers again (after a reconnect, or because our ack was
/// lost with the old socket) is acknowledged again but answered only once. Bounded: the oldest ids fall out.
/// </summary>
public sealed class EnvelopeLedger(int capacity = 4096)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public bool Seen(string envelopeId)
    {
        lock (_lock) return _seen.Contains(envelopeId);
    }

    /// <summary>Records an id; false when it was already there.</summary>
    public bool Record(string envelopeId)
    {
        lock (_lock)
        {
            if (!_seen.Add(envelopeId)) return false;
            _order.Enqueue(envelopeId);
            while (_order.Count > capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
