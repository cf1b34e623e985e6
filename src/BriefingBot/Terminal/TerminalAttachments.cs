using System.Globalization;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Terminal;

/// <summary>A terminal cannot show a picture: files that come with a reply are saved beside the database, and their path is said.</summary>
public sealed class TerminalAttachments(KnowledgeDatabase database, TimeProvider time)
{
    public string Save(Reply reply)
    {
        if (reply.Attachments.Count == 0) return "";
        var folder = Path.Combine(Path.GetDirectoryName(database.FullPath)!, "attachments");
        Directory.CreateDirectory(folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        foreach (var attachment in reply.Attachments)
        {
            var name = Path.GetFileNameWithoutExtension(attachment.FileName) + "-" + stamp + Path.GetExtension(attachment.FileName);
            var path = Path.Combine(folder, string.Concat(name.Split(Path.GetInvalidFileNameChars())));
            File.WriteAllBytes(path, attachment.Content);
            lines.Add($"Saved {attachment.Description ?? attachment.FileName} to {path}");
        }
        return string.Join('\n', lines) + "\n";
    }
}
