using System.Globalization;

namespace Byline.Bench.Live;

/// <summary>What Linux says about a process: resident memory and thread count, from /proc/{pid}/status.</summary>
public static class Proc
{
    public static long RssBytes(IEnumerable<int> pids) => pids.Sum(pid => Field(pid, "VmRSS:") * 1024);

    public static long Threads(int pid) => Field(pid, "Threads:");

    private static long Field(int pid, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var value = line[name.Length..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {name}");
    }
}
