using BriefingBot;
using Microsoft.Extensions.Options;

try
{
    return await Verbs.Build().Parse(args).InvokeAsync();
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync("BriefingBot cannot start: " + string.Join(" ", e.Failures));
    return 2;
}
