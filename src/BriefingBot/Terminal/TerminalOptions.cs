using System.ComponentModel.DataAnnotations;
using BriefingBot.Commands;

namespace BriefingBot.Terminal;

/// <summary>Settings of the <c>Terminal</c> section: who the person at the terminal is to the bot.</summary>
public sealed class TerminalOptions
{
    public const string Section = "Terminal";

    /// <summary>The name recorded on changes made from the terminal; the login name if empty.</summary>
    [MaxLength(100, ErrorMessage = "Terminal:User must be at most 100 characters.")]
    public string User { get; set; } = "";

    /// <summary>Member or Moderator; the terminal's owner holds the database, so Moderator by default.</summary>
    [EnumDataType(typeof(Role), ErrorMessage = "Set Terminal:Role to Member or Moderator.")]
    public Role Role { get; set; } = Role.Moderator;

    public Caller Caller(string? user = null, Role? role = null)
    {
        var name = user ?? (string.IsNullOrWhiteSpace(User) ? Environment.UserName : User);
        return new Caller(TerminalDoor.Platform, name, name, role ?? Role);
    }
}
